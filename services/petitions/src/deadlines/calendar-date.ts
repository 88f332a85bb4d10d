/**
 * Calendar dates as `YYYY-MM-DD` strings. A legal deadline is a day, not an instant, so all
 * arithmetic is done on UTC midnights: the server's time zone can never shift a due date by one.
 * (Kept here rather than imported from the kit so the rule modules stay free of GraphQL and
 * TypeORM at run time.)
 */

const DAY_MS = 86_400_000;
const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (not 2019-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_FORM.exec(s);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === s;
}

/**
 * Days since 1970-01-01 (UTC); a malformed date is a programming error at this level (the graph's
 * `Date` scalar refuses one before any rule runs). Errors here never quote the value: it may have
 * come from a client, and an unexpected error's message is logged.
 */
function epochDay(date: string): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  if (!isCalendarDate(date)) throw new RangeError("Not a calendar date YYYY-MM-DD");
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  // Checked once per distinct date: the deadline rules ask about the same few thousand days again and again.
  if (epochDays.size < 100_000) epochDays.set(date, day);
  return day;
}

const epochDays = new Map<string, number>();

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError("A number of days must be whole");
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const sundayIsZero = new Date(epochDay(date) * DAY_MS).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}
