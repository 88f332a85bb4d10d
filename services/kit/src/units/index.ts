export * from "./reference-units.js";
export * from "./communes.js";
export * from "./timeline.js";
export * from "./coverage.js";
export * from "./unit-of-the-day.js";
export * from "./unit-windows.js";
export * from "./iso-days.js";
export * from "./commune-of-the-day.js";
