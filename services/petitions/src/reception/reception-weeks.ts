import { addDays, isoWeekday } from "../deadlines/calendar-date.js";

const MONTH_FORM = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ReceptionWeek {
  /** The Monday that starts the ISO week. */
  start: string;
  /** The Sunday that ends it, possibly in the next month. */
  end: string;
}

/** A malformed month is a programming error here (the graph's `YearMonth` scalar refuses one); never quoted. */
export function assertMonth(month: string): void {
  if (!MONTH_FORM.test(month)) throw new RangeError("Not a month YYYY-MM");
}

/** The first and last day of a month `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  assertMonth(month);
  const first = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { first, last: addDays(nextMonth, -1) };
}

/**
 * The weeks a month answers for under the weekly rule: the ISO weeks (Monday to Sunday) that
 * START in the month, 4 or 5 of them. Each week thus belongs to exactly one month, so a year's
 * months together require one reception day for each of its 52 or 53 weeks, none twice; a week
 * straddling two months is judged with the month of its Monday, on all its seven days.
 */
export function weeksStartingIn(month: string): ReceptionWeek[] {
  const { first, last } = monthBounds(month);
  const weeks: ReceptionWeek[] = [];
  for (let monday = addDays(first, (8 - isoWeekday(first)) % 7); monday <= last; monday = addDays(monday, 7)) {
    weeks.push({ start: monday, end: addDays(monday, 6) });
  }
  return weeks;
}
