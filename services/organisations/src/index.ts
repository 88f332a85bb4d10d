import "reflect-metadata";

export { organisationsSubgraph } from "./definition.js";
export { buildOrganisationsSchema } from "./schema.js";
export { entities } from "./entities.js";
export { migrations } from "../migrations/index.js";
export { createContext, type OrganisationsContext } from "./context.js";
export { seedOrganisations, type SeedScale } from "../seed/seed.js";
