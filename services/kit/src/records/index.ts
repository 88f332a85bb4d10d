export * from "./audit-event.entity.js";
export * from "./idempotency-record.entity.js";
export * from "./record-keeping.js";
