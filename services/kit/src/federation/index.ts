export * from "./organisation-id.js";
export * from "./references.js";
export * from "./state-bodies.js";
export * from "./figure-coverage.js";
