export * from "./test-database.js";
export * from "./harness.js";
export * from "./statements.js";
