import {
  EARLIEST,
  RECORDS_BEGIN,
  REORGANISATION_2025,
  todaysCommuneOf,
  unitVersion,
  valuesTable,
  versionsOf,
  type FigureUnit,
  windowsOf,
  type UnitWindow,
} from "@danvan/kit";
import type { DataSource } from "typeorm";

/**
 * One row of the places table petitionAggregate joins its petitions to: the facts recorded at
 * `code` from `since` to `until` lie in the unit's territory, under the commune version
 * (`code`, `communeSince`) and the district version of those days (null from 2025-07-01, when
 * there are no districts), and on today's map under `today`, the 2025 commune they fall under.
 */
export interface PlaceRow {
  readonly code: string;
  readonly since: string;
  readonly until: string;
  readonly communeSince: string;
  readonly district: string | null;
  readonly districtSince: string | null;
  readonly today: string;
  /** `today` holds only part of the commune (split in 2025): its facts are all put there. */
  readonly approximate: boolean;
}

const OPEN_END = "9999-12-31";
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** A commune window split at its district's changes (Huyện Tịnh Biên became a thị xã on 2023-04-10). */
function rowsOf(w: UnitWindow): PlaceRow[] {
  const commune = unitVersion(w.code, w.validFrom);
  const until = w.to ?? OPEN_END;
  const mapped = w.validFrom >= REORGANISATION_2025 ? { code: w.code, approximate: false } : todaysCommuneOf(w.code);
  const today = mapped ?? { code: w.code, approximate: false };
  const base = { code: w.code, communeSince: w.validFrom, today: today.code, approximate: today.approximate };
  const parents = commune?.parentCode
    ? versionsOf(commune.parentCode).filter(
        (p) => p.level === "DISTRICT" && p.validFrom <= until && (p.validTo ?? OPEN_END) >= w.from,
      )
    : [];
  if (parents.length === 0) return [{ ...base, since: w.from, until, district: null, districtSince: null }];
  return parents.map((p) => ({
    ...base,
    // A district in force when the records begin holds the earlier facts too (as the commune's window does).
    since: max(w.from, p.validFrom === RECORDS_BEGIN ? EARLIEST : p.validFrom),
    until: min(until, p.validTo ?? OPEN_END),
    district: p.code,
    districtSince: p.validFrom,
  }));
}

const cache = new Map<string, readonly PlaceRow[]>();

/** The places table of a unit's territory through time (its commune versions, kit unit-windows.ts). */
export function placeRowsOf(unit: FigureUnit): readonly PlaceRow[] {
  const key = `${unit.code}@${unit.validFrom}`;
  let rows = cache.get(key);
  if (!rows) {
    rows = Object.freeze(windowsOf(unit).flatMap(rowsOf));
    cache.set(key, rows);
  }
  return rows;
}

/**
 * The places table as SQL, `(SELECT … FROM (VALUES …)) alias` with `?` placeholders and their
 * values (the kit's valuesTable), and the join condition on a petition alias `p`: the commune's
 * code, and the receipt date within the row's days (compared as dates on PostgreSQL).
 */
export function placesJoin(
  ds: DataSource,
  rows: readonly PlaceRow[],
  alias: string,
): { sql: string; params: string[] } {
  const table = valuesTable(
    ds,
    // A row the join never matches stands in for an empty territory (VALUES needs one row).
    rows.length
      ? rows.map((r) => [r.code, r.since, r.until, r.communeSince, r.district ?? "", r.districtSince ?? "", r.today])
      : [["", OPEN_END, OPEN_END, OPEN_END, "", "", ""]],
    alias,
    ["code", "since", "until", "commune_since", "district", "district_since", "today"],
  );
  const date = (c: string) => (ds.options.type === "postgres" ? `CAST(${alias}.${c} AS DATE)` : `${alias}.${c}`);
  return {
    sql: `JOIN ${table.sql} ON p.commune_code = ${alias}.code AND p.received_on >= ${date("since")} AND p.received_on <= ${date("until")}`,
    params: table.params,
  };
}
