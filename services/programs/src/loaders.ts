import type { DataSource } from "typeorm";
import { householdLoaders } from "./households/household.loader.js";
import { povertyLoaders } from "./poverty/poverty.loader.js";
import { fundLoaders } from "./fund/fund.loader.js";
import { supportLoaders } from "./support/support.loader.js";
import { fundSummaryLoaders } from "./fund-summary/fund-summary.loader.js";
import { houseLoaders } from "./houses/house.loader.js";
import { modelLoaders } from "./models/model.loader.js";
import { projectLoaders } from "./projects/project.loader.js";

/** Every relation, reference and statistic in this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  return {
    ...householdLoaders(ds),
    ...povertyLoaders(ds),
    ...fundLoaders(ds),
    ...supportLoaders(ds),
    ...fundSummaryLoaders(ds),
    ...houseLoaders(ds),
    ...modelLoaders(ds),
    ...projectLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
