import "reflect-metadata";

// What other packages use: the subgraph's definition (scripts start, seed, test and bench it).
export { programsSubgraph } from "./definition.js";
