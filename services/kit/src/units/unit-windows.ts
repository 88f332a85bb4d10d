import type { FigureUnit } from "./communes.js";
import { historyVersionsOf, RECORDS_BEGIN, unitVersion, unitVersions } from "./timeline.js";
import type { UnitLevel } from "./unit-types.js";
import { addDaysIso } from "./iso-days.js";

/**
 * One unit version of a figure's territory with its validity: the facts recorded at `code` from
 * `from` to `to` (inclusive; null while in force) belong to it. A code is reused (30307 was Phường
 * Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên from 2025-07-01), so a fact belongs to the
 * version its code named on the fact's date, never to the code alone.
 */
export interface UnitWindow {
  readonly code: string;
  readonly from: string;
  readonly to: string | null;
  /** The version's first day (`from` is earlier for a version in force when the records begin). */
  readonly validFrom: string;
}

const cache = new Map<string, readonly UnitWindow[]>();

/** The open start of the windows of versions in force when the records begin (RECORDS_BEGIN). */
export const EARLIEST = "0001-01-01";

/**
 * The versions (of the given levels) whose facts a figure of `unit` counts: the version itself,
 * the units below it and its predecessors through every change (the kit's `historyVersionsOf`,
 * the same territory as `communesIn(code, validFrom)`), each with its own validity. Phường Long
 * Xuyên of 2025 counts its six predecessors and Đông Xuyên, each until it ended, and itself from
 * 2025-07-01; Phường Mỹ Hòa of 2010–2025 counts 30307 until 2025-06-30 only.
 */
export function windowsOf(unit: FigureUnit, levels: readonly UnitLevel[] = ["COMMUNE"]): readonly UnitWindow[] {
  const key = `${unit.code}@${unit.validFrom}:${levels.join(",")}`;
  const known = cache.get(key);
  if (known) return known;
  const v = unitVersion(unit.code, unit.validFrom);
  const list = v
    ? historyVersionsOf(v)
        .filter((h) => levels.includes(h.level))
        // Facts dated before the records begin (a household registered in 2008) belong to the first version.
        .map((h) => ({
          code: h.code,
          from: h.validFrom === RECORDS_BEGIN ? EARLIEST : h.validFrom,
          to: h.validTo,
          validFrom: h.validFrom,
        }))
    : [];
  cache.set(key, Object.freeze(list));
  return list;
}

/** The codes of a unit's windows, once each. */
export function windowCodes(windows: readonly UnitWindow[]): string[] {
  return [...new Set(windows.map((w) => w.code))];
}

/**
 * A WHERE condition that keeps the rows of a unit's windows: `codeColumn` one of a window's codes
 * and `dateColumn` within its validity, one term per distinct validity (a handful). `param` binds
 * a value and returns its placeholder. No window: no row. With `"month"`, `dateColumn` is a
 * `YYYY-MM` text (a month rollup's).
 */
export function windowsSql(
  windows: readonly UnitWindow[],
  codeColumn: string,
  dateColumn: string,
  param: (v: string) => string,
  granularity: "day" | "month" = "day",
): string {
  const byValidity = new Map<string, UnitWindow[]>();
  for (const w of windows) {
    const k = `${w.from}/${w.to ?? ""}`;
    byValidity.set(k, [...(byValidity.get(k) ?? []), w]);
  }
  if (byValidity.size === 0) return "1 = 0";
  const terms = [...byValidity.values()].map((list) => {
    const { from, to } = list[0]!;
    const codes = [...new Set(list.map((w) => w.code))].map(param).join(", ");
    // A `YYYY-MM` column: a month lies in the window its first change falls in (unit-places' epochs).
    const dates =
      granularity === "day"
        ? [`${dateColumn} >= ${param(from)}`, ...(to ? [`${dateColumn} <= ${param(to)}`] : [])]
        : [
            `${dateColumn} >= ${param(from.slice(0, 7))}`,
            ...(to ? [`${dateColumn} < ${param(addDaysIso(to, 1).slice(0, 7))}`] : []),
          ];
    return `(${codeColumn} IN (${codes}) AND ${dates.join(" AND ")})`;
  });
  return `(${terms.join(" OR ")})`;
}

/** True when a fact recorded at `code` on `date` lies in one of the windows. */
export function inWindows(windows: readonly UnitWindow[], code: string, date: string): boolean {
  return windows.some((w) => w.code === code && w.from <= date && (w.to === null || w.to >= date));
}

/**
 * The days the map changed (every version's first day, the records' first day included), oldest
 * first: between two of them no unit changes, so a fact's epoch and its code name one version.
 */
export const MAP_EPOCHS: readonly string[] = Object.freeze(
  [...new Set(unitVersions.map((v) => v.validFrom))].sort().filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
);

/** SQL that gives the epoch (a MAP_EPOCHS day, as text) a date column falls in. */
export function epochSql(dateColumn: string): string {
  const newestFirst = [...MAP_EPOCHS].reverse();
  const whens = newestFirst
    .slice(0, -1)
    .map((d) => `WHEN ${dateColumn} >= '${d}' THEN '${d}'`)
    .join(" ");
  return `CASE ${whens} ELSE '${MAP_EPOCHS[0]}' END`;
}

/** The epochs a window spans (its validity starts and ends on epoch boundaries). */
export function epochsOf(w: UnitWindow): string[] {
  return MAP_EPOCHS.filter((e) => e >= w.from && (w.to === null || e <= w.to));
}

/** A window's open end in a table of windows (a VALUES table holds text, never null, on both databases). */
export const OPEN_END = "9999-12-31";

/**
 * Rows `[key, code, valid_from, valid_to]` for a VALUES table of many units' windows (`key` names
 * the unit the row counts for): joined with `windowJoin`, a fact counts for a unit only when its
 * code and its date lie in one of the unit's windows, so a reused code's later facts never count
 * for the unit the code named before.
 */
export function windowRows(
  units: readonly { key: string; unit: FigureUnit }[],
  levels: readonly UnitLevel[] = ["COMMUNE"],
): string[][] {
  return units.flatMap(({ key, unit }) => windowsOf(unit, levels).map((w) => [key, w.code, w.from, w.to ?? OPEN_END]));
}

/** The columns of a `windowRows` table. */
export const WINDOW_COLUMNS = ["unit_key", "code", "valid_from", "valid_to"] as const;

/**
 * The join condition of facts with a `windowRows` table `alias`: the fact's code one of the
 * window's and its date (`dateColumn`, a date or its `YYYY-MM-DD` text) within the window. The
 * table's columns are text; PostgreSQL compares a date with a date, so they are cast there.
 */
export function windowJoin(postgres: boolean, codeColumn: string, dateColumn: string, alias = "s"): string {
  const bound = (c: string) => (postgres ? `CAST(${alias}.${c} AS DATE)` : `${alias}.${c}`);
  return `${codeColumn} = ${alias}.code AND ${dateColumn} >= ${bound("valid_from")} AND ${dateColumn} <= ${bound("valid_to")}`;
}

/** The day a review of `year` is held on: its facts lie in the windows in force that day. */
export const reviewDay = (year: number): string => `${String(year).padStart(4, "0")}-12-31`;
