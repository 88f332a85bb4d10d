import type { DataSource } from "typeorm";
import { petitionLoaders } from "./petitions/petition.loader.js";
import { sessionLoaders } from "./sessions/session.loader.js";
import { statisticsLoaders } from "./statistics/petition-statistics.loader.js";

/** Every relation and statistic of this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  return {
    ...petitionLoaders(ds),
    ...sessionLoaders(ds),
    ...statisticsLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
