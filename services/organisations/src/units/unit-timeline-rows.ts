import { remoteAreaFlags, unitSuccessions, unitVersionKey, unitVersions } from "@danvan/kit/units";
import { AdministrativeUnit } from "./administrative-unit.entity.js";
import { UnitLevel } from "./unit-level.js";
import { UnitSuccession } from "./unit-succession.entity.js";
import { SuccessionShare } from "./succession-share.js";

/**
 * The kit's units through time (services/kit/data, "Units through time") as this subgraph's rows:
 * every version with its remote-area flag (`remote`: old An Giang's codes marked so; the later
 * versions by the kit's rule, `remoteAreaFlags`), at version 1.
 */
export function unitVersionRows(remote: ReadonlySet<string>): AdministrativeUnit[] {
  const flags = remoteAreaFlags(remote);
  return unitVersions.map((u) =>
    Object.assign(new AdministrativeUnit(), {
      code: u.code,
      name: u.name,
      kind: u.kind,
      level: u.level as UnitLevel,
      parentCode: u.parentCode,
      isRemoteArea: flags.get(unitVersionKey(u)) ?? false,
      validFrom: u.validFrom,
      validTo: u.validTo,
      legalBasis: u.legalBasis,
      endBasis: u.endBasis,
      version: 1,
    }),
  );
}

export function successionRows(): UnitSuccession[] {
  return unitSuccessions.map((s) =>
    Object.assign(new UnitSuccession(), {
      fromCode: s.from.code,
      fromValidFrom: s.from.validFrom,
      toCode: s.to.code,
      toValidFrom: s.to.validFrom,
      share: s.share === "whole" ? SuccessionShare.WHOLE : SuccessionShare.PART,
    }),
  );
}
