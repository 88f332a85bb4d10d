import { In, type DataSource } from "typeorm";
import {
  groupedLoader,
  keyedLoader,
  LoaderFamily,
  placeholders,
  valuesTable,
  WINDOW_COLUMNS,
  windowJoin,
  windowRows,
} from "@danvan/kit";
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
type Row = Record<(typeof COLUMNS)[number], string | number | null> & { unit_key: string };

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
 * The windows of many units, each a version keyed `code@validFrom`: the commune versions of its
 * territory through time with their validity (kit windowRows). A household counts for a unit when
 * it was registered at one of them while it was in force: 30307's households registered from
 * 2025-07-01 are Phường Long Xuyên's, never Phường Mỹ Hòa's.
 */
function windowTable(ds: DataSource, unitKeys: readonly string[]) {
  const rows = windowRows(unitKeys.map((key) => ({ key, unit: figureOfKey(key) })));
  return rows.length === 0 ? null : valuesTable(ds, rows, "s", WINDOW_COLUMNS);
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
          const scope = windowTable(ds, unitKeys);
          if (!scope) return [];
          const after = page.afterKey === null ? "" : "AND h.id > ?";
          const sql = `SELECT t.* FROM (
            SELECT s.unit_key, ${COLUMNS.map((c) => `h.${c}`).join(", ")},
                   ROW_NUMBER() OVER (PARTITION BY s.unit_key ORDER BY h.id) AS rn
            FROM ${scope.sql} JOIN household h ON ${windowJoin(ds.options.type === "postgres", "h.commune_code", "h.registered_on")} ${after}
          ) t WHERE t.rn <= ? ORDER BY t.id`;
          const params = [...scope.params, ...(page.afterKey === null ? [] : [page.afterKey]), page.limit + 1];
          const rows = (await ds.query(placeholders(ds, sql), params)) as Row[];
          return rows.map((r) => Object.assign(fromRow(r), { unitKey: r.unit_key }));
        },
        (h) => h.unitKey,
      ),
    ),

    householdTotal: keyedLoader<string, { unitKey: string; n: number }>(
      async (unitKeys) => {
        const scope = windowTable(ds, unitKeys);
        if (!scope) return [];
        const sql = `SELECT s.unit_key AS unit_key, COUNT(h.id) AS n FROM ${scope.sql} JOIN household h ON ${windowJoin(ds.options.type === "postgres", "h.commune_code", "h.registered_on")} GROUP BY s.unit_key`;
        const rows = (await ds.query(placeholders(ds, sql), scope.params)) as {
          unit_key: string;
          n: number | string;
        }[];
        return rows.map((r) => ({ unitKey: r.unit_key, n: Number(r.n) }));
      },
      (r) => r.unitKey,
    ),

    householdsByIds: groupedLoader<number, Household>(
      (ids) => households.findBy({ id: In(ids) }),
      (h) => h.id,
    ),
  };
}
