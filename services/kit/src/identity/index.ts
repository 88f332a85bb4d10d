export * from "./identity.js";
export * from "./signed-identity.js";
export * from "./dev-secrets.js";
