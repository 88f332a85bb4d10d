import { isCalendarDate } from "../deadlines/calendar-date.js";
import { RECEPTION_FREQUENCY, type ReceptionLevel } from "./reception-frequency.js";
import { assertMonth, monthBounds, weeksStartingIn } from "./reception-weeks.js";

export interface ReceptionCompliance {
  /** Reception days the law requires of the chair for the month. */
  required: number;
  /** Distinct days the chair held reception in the period judged. */
  held: number;
  compliant: boolean;
  /** Commune level only: the Monday of each week with no reception day. */
  missingWeeks?: string[];
}

/**
 * The dates a month is judged on: the calendar month for district and province; for the commune,
 * Monday of its first week to Sunday of its last (reception-weeks.ts). Fetch the sessions of this
 * window and pass them to `complianceFor`.
 */
export function receptionWindow(level: ReceptionLevel, month: string): { from: string; to: string } {
  if (RECEPTION_FREQUENCY[level].per === "MONTH") {
    const { first, last } = monthBounds(month);
    return { from: first, to: last };
  }
  const weeks = weeksStartingIn(month);
  return { from: weeks[0]!.start, to: weeks[weeks.length - 1]!.end };
}

/** Reception days the chair of `level` must hold for `month`: 1 per week (4 or 5), 2, or 1. */
export function requiredSessions(level: ReceptionLevel, month: string): number {
  assertMonth(month);
  const rule = RECEPTION_FREQUENCY[level];
  return rule.per === "MONTH" ? rule.days : rule.days * weeksStartingIn(month).length;
}

/**
 * Whether the chair of a unit met the legal frequency in a month (RECEPTION_FREQUENCY). Pass the
 * dates of the sessions the unit's chair presided in person (the caller filters out deputies and
 * officers); several sessions on one day are one reception day, and dates outside
 * `receptionWindow` are ignored. At commune level every week must have its day: five sessions in
 * one week do not make up for an empty one.
 */
export function complianceFor(
  level: ReceptionLevel,
  month: string,
  sessionDates: readonly string[],
): ReceptionCompliance {
  if (!sessionDates.every(isCalendarDate)) throw new RangeError("Not a calendar date YYYY-MM-DD");
  const { from, to } = receptionWindow(level, month);
  const days = new Set(sessionDates.filter((d) => from <= d && d <= to));
  const required = requiredSessions(level, month);
  const rule = RECEPTION_FREQUENCY[level];
  if (rule.per === "MONTH") return { required, held: days.size, compliant: days.size >= required };

  const missingWeeks = weeksStartingIn(month)
    .filter((w) => [...days].filter((d) => w.start <= d && d <= w.end).length < rule.days)
    .map((w) => w.start);
  return { required, held: days.size, compliant: missingWeeks.length === 0, missingWeeks };
}
