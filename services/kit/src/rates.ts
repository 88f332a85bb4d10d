/** A fraction rounded to 4 decimals, as the graph states rates (0.0263 is 2.63%); 0 when there is nothing to divide. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
