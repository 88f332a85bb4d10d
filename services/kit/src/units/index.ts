export * from "./reference-units.js";
export * from "./communes.js";
