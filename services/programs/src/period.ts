import { addDaysIso, inWindows, REORGANISATION_2025, type UnitWindow } from "@danvan/kit";
/** Periods of the statistics: whole years answer from the year tallies, partial ones from the rows. */

/** A period as whole calendar years (answered from the year tallies) and the partial edges around them. */
export function splitPeriod(from: string, to: string): { years: [number, number] | null; edges: [string, string][] } {
  const first = Number(from.slice(0, 4)) + (from.endsWith("-01-01") ? 0 : 1);
  const last = Number(to.slice(0, 4)) - (to.endsWith("-12-31") ? 0 : 1);
  if (first > last) return { years: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (!from.endsWith("-01-01")) edges.push([from, `${first - 1}-12-31`]);
  if (!to.endsWith("-12-31")) edges.push([`${last + 1}-01-01`, to]);
  return { years: [first, last], edges };
}

/** Which side of the 2025 reorganisation a period's rows lie on: 0 before 2025-07-01, 1 from it. */
export type MapSide = 0 | 1;

/**
 * A period cut at the 2025 reorganisation: the parts before 2025-07-01 and from it, each with its
 * side. A code can name two units in 2025 (30307: Phường Mỹ Hòa to 2025-06-30, Phường Long Xuyên
 * from 2025-07-01), so no year tally may hold both halves of 2025.
 */
export function splitAtReorganisation(from: string, to: string): { from: string; to: string; side: MapSide }[] {
  const lastBefore = addDaysIso(REORGANISATION_2025, -1);
  const parts: { from: string; to: string; side: MapSide }[] = [];
  if (from <= lastBefore) parts.push({ from, to: to < lastBefore ? to : lastBefore, side: 0 });
  if (to >= REORGANISATION_2025)
    parts.push({ from: from > REORGANISATION_2025 ? from : REORGANISATION_2025, to, side: 1 });
  return parts;
}

/**
 * The day that stands for a year's rows of one side when they are matched to unit windows: the
 * year's last day, or 2025-06-30 for the part of 2025 before the reorganisation (a unit that
 * changed within a year, as nine did on 2023-04-10, is matched as it was at the year's end).
 */
export function sideDay(year: number, side: MapSide): string {
  const end = `${String(year).padStart(4, "0")}-12-31`;
  const lastBefore = addDaysIso(REORGANISATION_2025, -1);
  return side === 0 && end > lastBefore ? lastBefore : end;
}

/** True when a code's facts of a year and side belong to a unit of these windows (on its sideDay). */
export function inUnitWindows(windows: readonly UnitWindow[], code: string, year: number, side: MapSide): boolean {
  return inWindows(windows, code, sideDay(year, side));
}

/**
 * The rows of a period, each with its side of the 2025 reorganisation: per side, `tally(first,
 * last)` for its whole years and `rows(from, to)` for each partial edge, run together and
 * concatenated (the callers add up rows of the same key and side).
 */
export async function overPeriod<T>(
  from: string,
  to: string,
  tally: (first: number, last: number) => Promise<T[]>,
  rows: (from: string, to: string) => Promise<T[]>,
): Promise<(T & { side: MapSide })[]> {
  const parts = await Promise.all(
    splitAtReorganisation(from, to).flatMap(({ from: a, to: b, side }) => {
      const { years, edges } = splitPeriod(a, b);
      const tag = (p: Promise<T[]>) =>
        p.then((list) => list.map((r) => Object.assign(r as object, { side }) as T & { side: MapSide }));
      return [...(years ? [tag(tally(...years))] : []), ...edges.map(([x, y]) => tag(rows(x, y)))];
    }),
  );
  return parts.flat();
}

/**
 * The SQL for the year of a date column, for the partial edges' GROUP BY: CAST(date AS TEXT) is
 * "YYYY-MM-DD" on both databases, so the year is its first four characters.
 */
export function yearOfDateColumn(column: string): string {
  return `substr(CAST(${column} AS TEXT), 1, 4)`;
}

/** The last day of a date's month, `YYYY-MM-DD`. */
function monthEnd(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${date.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** The `YYYY-MM` `n` months after a date's month. */
function monthAfter(date: string, n: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * A period as whole calendar months (`YYYY-MM`, both included; answered from a month rollup) and
 * the partial months at either end (answered from the rows), as splitPeriod does with years.
 */
export function splitPeriodByMonth(
  from: string,
  to: string,
): { months: [string, string] | null; edges: [string, string][] } {
  const startsWhole = from.endsWith("-01");
  const endsWhole = to === monthEnd(to);
  const first = monthAfter(from, startsWhole ? 0 : 1);
  const last = monthAfter(to, endsWhole ? 0 : -1);
  if (first > last) return { months: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (!startsWhole) edges.push([from, monthEnd(from)]);
  if (!endsWhole) edges.push([`${to.slice(0, 7)}-01`, to]);
  return { months: [first, last], edges };
}
