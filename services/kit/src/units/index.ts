export * from "./reference-units.js";
export * from "./communes.js";
export * from "./timeline.js";
export * from "./coverage.js";
export * from "./unit-of-the-day.js";
