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
