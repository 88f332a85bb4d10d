export * from "./organisation-id.js";
export * from "./references.js";
