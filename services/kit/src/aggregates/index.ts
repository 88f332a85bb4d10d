export * from "./aggregate-args.js";
export * from "./suppression.js";
export * from "./time-buckets.js";
export * from "./cell-view.js";
