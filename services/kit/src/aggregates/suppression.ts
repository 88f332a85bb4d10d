/**
 * Small-cell suppression for what the public reads: a count under SMALL_CELL could single out a
 * person (a member of a commune's Veterans' Association born before 1950, a denunciation in a
 * hamlet), so the public sees it as null with the row marked `suppressed`. Analysts and
 * administrators see every cell. The threshold is the statistical offices' usual rule of five.
 */
export const SMALL_CELL = 5;

/** Nulls every listed measure of a row whose counting measure is under SMALL_CELL, and marks it. */
export function suppressSmallCells<R extends Record<string, unknown>>(
  rows: readonly R[],
  countedBy: keyof R,
  measures: readonly (keyof R)[],
): (R & { suppressed: boolean })[] {
  return rows.map((row) => {
    const count = Number(row[countedBy] ?? 0);
    if (count === 0 || count >= SMALL_CELL) return { ...row, suppressed: false };
    const nulled: Record<string, unknown> = { ...row, suppressed: true };
    for (const m of measures) nulled[m as string] = null;
    return nulled as R & { suppressed: boolean };
  });
}
