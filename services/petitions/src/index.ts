import "reflect-metadata";

// What other packages use: the subgraph's definition (scripts start, seed and test it) and the
// remote-area settings (listed in .env.example).
export { petitionsSubgraph } from "./definition.js";
export { remoteAreaSettings } from "./units/remote-areas.js";
