export * from "./compose.js";
export * from "./diff.js";
export * from "./declared.js";
export * from "./operations.js";
export * from "./check.js";
export * from "./report.js";
export * from "./repo.js";
