export * from "./input-checks.js";
export * from "./input-faults.js";
