import type { DataSource } from "typeorm";
import { unitLoaders } from "./units/administrative-unit.loader.js";
import { organisationLoaders } from "./organisations/organisation.loader.js";
import { memberLoaders } from "./members/member.loader.js";
import { positionLoaders } from "./positions/position.loader.js";
import { recruitmentLoaders } from "./recruitment/recruitment.loader.js";
import { campaignLoaders } from "./campaigns/campaign.loader.js";

/** Every relation and reference in this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  return {
    ...unitLoaders(ds),
    ...organisationLoaders(ds),
    ...memberLoaders(ds),
    ...positionLoaders(ds),
    ...recruitmentLoaders(ds),
    ...campaignLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
