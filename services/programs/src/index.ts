import "reflect-metadata";

export { programsSubgraph } from "./definition.js";
export { buildProgramsSchema } from "./schema.js";
export { entities } from "./entities.js";
export { migrations } from "../migrations/index.js";
export { createContext, type ProgramsContext } from "./context.js";
export { seedPrograms, type SeedScale } from "../seed/seed.js";
