import type { SubgraphDefinition } from "@danvan/kit";
import { migrations } from "../migrations/index.js";
import { createContext, type PetitionsContext } from "./context.js";
import { entities } from "./entities.js";
import { buildPetitionsSchema } from "./schema.js";

export const petitionsSubgraph: SubgraphDefinition<PetitionsContext> = {
  name: "petitions",
  defaultPort: 4003,
  entities,
  migrations,
  buildSchema: buildPetitionsSchema,
  createContext,
};
