import "reflect-metadata";

// What other packages use: the subgraph's definition (scripts start, seed and test it).
export { organisationsSubgraph } from "./definition.js";
