export * from "./random.js";
export * from "./names.js";
export * from "./seed-cli.js";
export * from "./bulk-insert.js";
export * from "./bulk-load.js";
