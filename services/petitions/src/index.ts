import "reflect-metadata";

// What other packages use: the subgraph's definition (scripts start, seed and test it), the
// remote-area settings and the identity keys' setting (listed in .env.example).
export { petitionsSubgraph } from "./definition.js";
export { remoteAreaSettings } from "./units/remote-areas.js";
export { identityKeyringFrom, identityKeySettings } from "./confidential/identity-keys.js";
