import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "@danvan/kit";
import { AdministrativeUnit } from "./administrative-unit.entity.js";
import { UnitSuccession } from "./unit-succession.entity.js";

/** `code@validFrom`: one version of a unit. */
export const versionKey = (u: { code: string; validFrom: string }) => `${u.code}@${u.validFrom}`;

const splitKey = (k: string) => {
  const at = k.indexOf("@");
  return { code: k.slice(0, at), validFrom: k.slice(at + 1) };
};

/**
 * Units by code (the version a code names now: the last one, which is in force today unless the
 * unit has ended), by exact version, the versions below each code, and each version's links to
 * the units it came from and went into. One statement per batch each.
 */
export function unitLoaders(ds: DataSource) {
  const units = ds.getRepository(AdministrativeUnit);
  const successions = ds.getRepository(UnitSuccession);
  const latestByCode = (list: AdministrativeUnit[]) => {
    const out = new Map<string, AdministrativeUnit>();
    for (const u of list) {
      const seen = out.get(u.code);
      if (!seen || seen.validFrom < u.validFrom) out.set(u.code, u);
    }
    return [...out.values()];
  };
  return {
    unit: keyedLoader<string, AdministrativeUnit>(
      async (codes) => latestByCode(await units.findBy({ code: In(codes) })),
      (u) => u.code,
    ),
    versionsOfCode: groupedLoader<string, AdministrativeUnit>(
      (codes) => units.find({ where: { code: In(codes) }, order: { validFrom: "ASC" } }),
      (u) => u.code,
    ),
    unitVersion: keyedLoader<string, AdministrativeUnit>((keys) => units.findBy(keys.map(splitKey)), versionKey),
    unitsByParent: groupedLoader<string, AdministrativeUnit>(
      (codes) => units.find({ where: { parentCode: In(codes) }, order: { code: "ASC", validFrom: "ASC" } }),
      (u) => u.parentCode!,
    ),
    predecessorLinks: groupedLoader<string, UnitSuccession>(
      (keys) =>
        successions.find({
          where: keys.map((k) => {
            const { code, validFrom } = splitKey(k);
            return { toCode: code, toValidFrom: validFrom };
          }),
          order: { fromCode: "ASC" },
        }),
      (s) => `${s.toCode}@${s.toValidFrom}`,
    ),
    successorLinks: groupedLoader<string, UnitSuccession>(
      (keys) =>
        successions.find({
          where: keys.map((k) => {
            const { code, validFrom } = splitKey(k);
            return { fromCode: code, fromValidFrom: validFrom };
          }),
          order: { toCode: "ASC" },
        }),
      (s) => `${s.fromCode}@${s.fromValidFrom}`,
    ),
  };
}
