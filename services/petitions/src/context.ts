import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@danvan/kit";
import { createLoaders, type Loaders } from "./loaders.js";

/** Per-request context: the verified caller, the data source, and fresh DataLoaders. */
export interface PetitionsContext extends SubgraphContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
}

export function createContext(base: SubgraphContext, ds: DataSource): PetitionsContext {
  return { ...base, ds, loaders: createLoaders(ds) };
}
