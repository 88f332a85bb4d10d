import { RECORDS_BEGIN, REORGANISATION_2025 } from "@danvan/kit/units";

/**
 * When a committee exists and which version of its unit it belongs to, free of GraphQL and
 * TypeORM. A committee of the 2019 map has no first day on record (`validFrom` null: it existed
 * before the records begin) and ends with its unit; a committee of the 2025 map starts on
 * 2025-07-01. A grassroots trade union has neither: its workplace's commune is recorded on the
 * map it was registered on, the one in force until 2025-06-30.
 */
export interface CommitteeDates {
  validFrom: string | null;
  validTo: string | null;
  workplaceSector: string | null;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last day of the map before the 2025 reorganisation. */
export const OLD_MAP_LAST_DAY = addDays(REORGANISATION_2025, -1);

/** True when the committee exists on the day (its first day and its last included). */
export function inExistenceOn(o: Pick<CommitteeDates, "validFrom" | "validTo">, day: string): boolean {
  return (o.validFrom === null || o.validFrom <= day) && (o.validTo === null || o.validTo >= day);
}

/** The days the committee's unit code refers to: its own validity, a grassroots union's the 2019 map's. */
export function unitPeriodOf(o: CommitteeDates): { from: string; to: string | null } {
  return {
    from: o.validFrom ?? RECORDS_BEGIN,
    to: o.validTo ?? (o.workplaceSector !== null ? OLD_MAP_LAST_DAY : null),
  };
}

/**
 * The day a committee's unit is read on, looking at the committee on `day`: the day itself while
 * the committee exists, else its last (or first) day; never before the records begin.
 */
export function unitDayOf(o: CommitteeDates, day: string): string {
  const { from, to } = unitPeriodOf(o);
  if (to !== null && day > to) return to;
  return day < from ? from : day;
}

/** True when the committee belongs to the unit version: its unit period overlaps the version's validity. */
export function belongsToVersion(o: CommitteeDates, v: { validFrom: string; validTo: string | null }): boolean {
  const { from, to } = unitPeriodOf(o);
  return (v.validTo === null || from <= v.validTo) && (to === null || to >= v.validFrom);
}

/** SQL: the committee `alias` exists on the day bound at `p` (the same placeholder twice). */
export function inExistenceSql(alias: string, p: () => string): string {
  return `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${p()}) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${p()})`;
}

/** SQL: the last day of the committee `alias`'s unit period, null while it runs (unitPeriodOf). */
export function unitPeriodEndSql(alias: string): string {
  // One CASE (not COALESCE over a CASE) so that PostgreSQL types the literal as the column's date.
  return `(CASE WHEN ${alias}.valid_to IS NOT NULL THEN ${alias}.valid_to WHEN ${alias}.workplace_sector IS NOT NULL THEN '${OLD_MAP_LAST_DAY}' END)`;
}

/**
 * SQL: the committee `alias` belongs to one of `versions` (belongsToVersion), the versions
 * grouped by validity so the statement stays short; `param` binds a value, returning its placeholder.
 */
export function belongsToVersionsSql(
  alias: string,
  versions: readonly { code: string; validFrom: string; validTo: string | null }[],
  param: (v: string) => string,
): string {
  const groups = new Map<string, { from: string; to: string | null; codes: string[] }>();
  for (const v of versions) {
    const k = `${v.validFrom}/${v.validTo}`;
    const g = groups.get(k) ?? { from: v.validFrom, to: v.validTo, codes: [] };
    g.codes.push(v.code);
    groups.set(k, g);
  }
  if (groups.size === 0) return "1 = 0";
  const start = `COALESCE(${alias}.valid_from, '${RECORDS_BEGIN}')`;
  const end = unitPeriodEndSql(alias);
  return `(${[...groups.values()]
    .map(
      (g) =>
        `(${alias}.unit_code IN (${g.codes.map(param).join(", ")})${g.to === null ? "" : ` AND ${start} <= ${param(g.to)}`} AND (${end} IS NULL OR ${end} >= ${param(g.from)}))`,
    )
    .join(" OR ")})`;
}
