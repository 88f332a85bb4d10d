import type { SubgraphDefinition } from "@danvan/kit";
import { migrations } from "../migrations/index.js";
import { createContext, type OrganisationsContext } from "./context.js";
import { entities } from "./entities.js";
import { buildOrganisationsSchema } from "./schema.js";

export const organisationsSubgraph: SubgraphDefinition<OrganisationsContext> = {
  name: "organisations",
  defaultPort: 4001,
  entities,
  migrations,
  buildSchema: buildOrganisationsSchema,
  createContext,
};
