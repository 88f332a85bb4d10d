import { In, type DataSource } from "typeorm";
import { communesIn, groupedLoader, keyedLoader, LoaderFamily, placeholders, valuesTable } from "@danvan/kit";
import { figureOfKey } from "../figure-units.js";
import { Household } from "./household.entity.js";

export interface HouseholdPageKey {
  limit: number;
  afterKey: number | null;
}

const COLUMNS = [
  "id",
  "commune_code",
  "district_code",
  "head_name",
  "address",
  "member_count",
  "area",
  "registered_on",
  "version",
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null> & { unit_code: string };

function fromRow(r: Row): Household {
  return Object.assign(new Household(), {
    id: Number(r.id),
    communeCode: String(r.commune_code),
    districtCode: r.district_code === null ? null : String(r.district_code),
    headName: String(r.head_name),
    address: r.address === null ? null : String(r.address),
    memberCount: Number(r.member_count),
    area: r.area,
    registeredOn: String(r.registered_on),
    version: Number(r.version),
  });
}

/**
 * The (unit key, commune) pairs of many units, each a version keyed `code@validFrom`: the communes
 * of its territory through time (kit communesIn).
 */
function communePairsOf(unitKeys: readonly string[]): string[][] {
  return unitKeys.flatMap((k) => {
    const u = figureOfKey(k);
    return communesIn(u.code, u.validFrom).map((c) => [k, c]);
  });
}

/** Household loaders; a unit's households are those of the communes of its territory through time. */
export function householdLoaders(ds: DataSource) {
  const households = ds.getRepository(Household);
  return {
    household: keyedLoader<number, Household>(
      (ids) => households.findBy({ id: In(ids) }),
      (h) => h.id,
    ),

    /** One page per unit (key `code@validFrom`), for any number of units, in one windowed statement. */
    householdPage: new LoaderFamily((page: HouseholdPageKey) =>
      groupedLoader<string, Household & { unitKey: string }>(
        async (unitKeys) => {
          const pairs = communePairsOf(unitKeys);
          if (pairs.length === 0) return [];
          const scope = valuesTable(ds, pairs, "s", ["unit_code", "commune_code"]);
          const after = page.afterKey === null ? "" : "AND h.id > ?";
          const sql = `SELECT t.* FROM (
            SELECT s.unit_code, ${COLUMNS.map((c) => `h.${c}`).join(", ")},
                   ROW_NUMBER() OVER (PARTITION BY s.unit_code ORDER BY h.id) AS rn
            FROM ${scope.sql} JOIN household h ON h.commune_code = s.commune_code ${after}
          ) t WHERE t.rn <= ? ORDER BY t.id`;
          const params = [...scope.params, ...(page.afterKey === null ? [] : [page.afterKey]), page.limit + 1];
          const rows = (await ds.query(placeholders(ds, sql), params)) as Row[];
          return rows.map((r) => Object.assign(fromRow(r), { unitKey: r.unit_code }));
        },
        (h) => h.unitKey,
      ),
    ),

    householdTotal: keyedLoader<string, { unitKey: string; n: number }>(
      async (unitKeys) => {
        const pairs = communePairsOf(unitKeys);
        if (pairs.length === 0) return [];
        const scope = valuesTable(ds, pairs, "s", ["unit_code", "commune_code"]);
        const sql = `SELECT s.unit_code AS unit_code, COUNT(h.id) AS n FROM ${scope.sql} JOIN household h ON h.commune_code = s.commune_code GROUP BY s.unit_code`;
        const rows = (await ds.query(placeholders(ds, sql), scope.params)) as {
          unit_code: string;
          n: number | string;
        }[];
        return rows.map((r) => ({ unitKey: r.unit_code, n: Number(r.n) }));
      },
      (r) => r.unitKey,
    ),

    householdsByIds: groupedLoader<number, Household>(
      (ids) => households.findBy({ id: In(ids) }),
      (h) => h.id,
    ),
  };
}
