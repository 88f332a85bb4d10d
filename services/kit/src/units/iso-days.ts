/** A calendar date (YYYY-MM-DD) moved by whole days, in UTC so no time zone shifts it. */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
