import "reflect-metadata";

export * from "./lifecycle/index.js";
export * from "./deadlines/index.js";
export * from "./reception/index.js";
export { petitionsSubgraph } from "./definition.js";
export { buildPetitionsSchema } from "./schema.js";
export { entities } from "./entities.js";
export { migrations } from "../migrations/index.js";
export { createContext, type PetitionsContext } from "./context.js";
export { seedPetitions, type SeedScale } from "../seed/seed.js";
export { remoteAreaSettings } from "./units/remote-areas.js";
