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

/**
 * The rows of a period: `tally(first, last)` for its whole years, `rows(from, to)` for each
 * partial edge, run together and concatenated (the callers add up rows of the same key).
 */
export async function overPeriod<T>(
  from: string,
  to: string,
  tally: (first: number, last: number) => Promise<T[]>,
  rows: (from: string, to: string) => Promise<T[]>,
): Promise<T[]> {
  const { years, edges } = splitPeriod(from, to);
  const parts = await Promise.all([
    years ? tally(...years) : Promise.resolve([]),
    ...edges.map(([a, b]) => rows(a, b)),
  ]);
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
