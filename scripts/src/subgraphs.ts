import type { GraphQLSchema } from "graphql";
import { organisationsSubgraph } from "@danvan/organisations";
import { programsSubgraph } from "@danvan/programs";
import { petitionsSubgraph } from "@danvan/petitions";

/**
 * The subgraphs of the province graph: name, package folder, default port, schema builder.
 * Composition, `npm start`, seeding and tests all read this one list.
 */
export interface SubgraphEntry {
  name: string;
  folder: string;
  defaultPort: number;
  buildSchema: () => Promise<GraphQLSchema>;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: organisationsSubgraph.name,
    folder: "services/organisations",
    defaultPort: organisationsSubgraph.defaultPort,
    buildSchema: organisationsSubgraph.buildSchema,
  },
  {
    name: programsSubgraph.name,
    folder: "services/programs",
    defaultPort: programsSubgraph.defaultPort,
    buildSchema: programsSubgraph.buildSchema,
  },
  {
    name: petitionsSubgraph.name,
    folder: "services/petitions",
    defaultPort: petitionsSubgraph.defaultPort,
    buildSchema: petitionsSubgraph.buildSchema,
  },
];
