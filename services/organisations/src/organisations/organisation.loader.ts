import { In, IsNull, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "@danvan/kit";
import { unitVersion } from "@danvan/kit/units";
import { Organisation } from "./organisation.entity.js";
import { OrganisationSuccession } from "./organisation-succession.entity.js";
import { belongsToVersion } from "./committee-validity.js";

/** `code@validFrom`, one version of a unit (the units' loaders key them the same way). */
const splitVersionKey = (k: string) => ({ code: k.slice(0, k.indexOf("@")), validFrom: k.slice(k.indexOf("@") + 1) });

/**
 * Committees by id, by the unit they sit at (the committees of the unit: grassroots trade
 * unions in the unit's workplaces are not among them), by the committee above them, and the
 * successions between committees (issue 27).
 */
export function organisationLoaders(ds: DataSource) {
  const organisations = ds.getRepository(Organisation);
  const successions = ds.getRepository(OrganisationSuccession);
  return {
    organisation: keyedLoader<string, Organisation>(
      (ids) => organisations.findBy({ id: In(ids) }),
      (o) => o.id,
    ),
    /** Every committee ever at a code, whichever unit the code named (see organisationsOfUnit). */
    organisationsByUnit: groupedLoader<string, Organisation>(
      (codes) =>
        organisations.find({ where: { unitCode: In(codes), workplaceSector: IsNull() }, order: { id: "ASC" } }),
      (o) => o.unitCode,
    ),
    /**
     * The committees of one unit version (key `code@validFrom`): those at its code whose
     * validity overlaps the version's (HPN-30307 belongs to Phường Mỹ Hòa, HPN-30307-25 to
     * Phường Long Xuyên). A committee is listed under each version of its unit it lived through
     * (a change of kind, as Nhà Bàng's from thị trấn to phường in 2023, keeps its committees).
     */
    organisationsOfUnit: groupedLoader<string, Organisation & { unitKey: string }>(
      async (keys) => {
        const versions = keys.map(splitVersionKey);
        const rows = await organisations.find({
          where: { unitCode: In([...new Set(versions.map((v) => v.code))]), workplaceSector: IsNull() },
          order: { id: "ASC" },
        });
        return versions.flatMap((k) => {
          const v = unitVersion(k.code, k.validFrom);
          return v
            ? rows
                .filter((o) => o.unitCode === k.code && belongsToVersion(o, v))
                .map((o) => Object.assign(new Organisation(), o, { unitKey: `${k.code}@${k.validFrom}` }))
            : [];
        });
      },
      (o) => o.unitKey,
    ),
    organisationsByParent: groupedLoader<string, Organisation>(
      (ids) => organisations.find({ where: { parentId: In(ids) }, order: { id: "ASC" } }),
      (o) => o.parentId!,
    ),
    /** The committees that went into a committee. */
    predecessorsOf: groupedLoader<string, OrganisationSuccession>(
      (ids) => successions.find({ where: { toId: In(ids) }, order: { fromId: "ASC" } }),
      (s) => s.toId,
    ),
    /** The committee(s) a committee went into. */
    successorsOf: groupedLoader<string, OrganisationSuccession>(
      (ids) => successions.find({ where: { fromId: In(ids) }, order: { toId: "ASC" } }),
      (s) => s.fromId,
    ),
  };
}
