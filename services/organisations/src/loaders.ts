import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily } from "@danvan/kit";
import { AdministrativeUnit } from "./units/administrative-unit.entity.js";
import { Organisation } from "./organisations/organisation.entity.js";
import { memberLoaders } from "./members/member.loader.js";
import { LeadershipPosition, heldOn } from "./positions/leadership-position.entity.js";
import { recruitmentLoaders } from "./recruitment/recruitment.loader.js";
import { campaignLoaders } from "./campaigns/campaign.loader.js";

/** Every relation and reference in this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  const units = ds.getRepository(AdministrativeUnit);
  const organisations = ds.getRepository(Organisation);
  const positions = ds.getRepository(LeadershipPosition);
  return {
    unit: keyedLoader<string, AdministrativeUnit>(
      (codes) => units.findBy({ code: In(codes) }),
      (u) => u.code,
    ),
    unitsByParent: groupedLoader<string, AdministrativeUnit>(
      (codes) => units.find({ where: { parentCode: In(codes) }, order: { code: "ASC" } }),
      (u) => u.parentCode!,
    ),
    organisation: keyedLoader<string, Organisation>(
      (ids) => organisations.findBy({ id: In(ids) }),
      (o) => o.id,
    ),
    organisationsByUnit: groupedLoader<string, Organisation>(
      (codes) => organisations.find({ where: { unitCode: In(codes) }, order: { id: "ASC" } }),
      (o) => o.unitCode,
    ),
    organisationsByParent: groupedLoader<string, Organisation>(
      (ids) => organisations.find({ where: { parentId: In(ids) }, order: { id: "ASC" } }),
      (o) => o.parentId!,
    ),
    /** Positions held on a date, per committee. */
    positionsOn: new LoaderFamily((asOf: string) =>
      groupedLoader<string, LeadershipPosition>(
        async (ids) =>
          (await positions.find({ where: { organisationId: In(ids) }, order: { title: "ASC", id: "ASC" } })).filter(
            (p) => heldOn(p, asOf),
          ),
        (p) => p.organisationId,
      ),
    ),
    ...memberLoaders(ds),
    ...recruitmentLoaders(ds),
    ...campaignLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
