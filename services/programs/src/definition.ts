import type { SubgraphDefinition } from "@danvan/kit";
import { migrations } from "../migrations/index.js";
import { createContext, type ProgramsContext } from "./context.js";
import { entities } from "./entities.js";
import { buildProgramsSchema } from "./schema.js";

export const programsSubgraph: SubgraphDefinition<ProgramsContext> = {
  name: "programs",
  defaultPort: 4002,
  entities,
  migrations,
  buildSchema: buildProgramsSchema,
  createContext,
};
