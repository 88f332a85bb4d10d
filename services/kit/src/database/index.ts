export * from "./data-source.js";
export * from "./statement-counter.js";
export * from "./columns.js";
export * from "./transaction.js";
export * from "./postgres-admin.js";
export * from "./versioned-update.js";
export * from "./sql-values.js";
export * from "./tally.js";
