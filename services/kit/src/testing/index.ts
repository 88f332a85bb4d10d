export * from "./test-database.js";
export * from "./harness.js";
