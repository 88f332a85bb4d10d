import { isOpen, type PetitionStatus } from "../lifecycle/petition-enums.js";
import { daysBetween } from "./calendar-date.js";
import { dueOn, type DeadlineFacts } from "./due-dates.js";

/** The facts, and the stored due date when known (computed with the server's calendar). */
type Tracked = DeadlineFacts & { status: PetitionStatus; dueOn?: string | null };

const dueOf = (s: Tracked) => (s.dueOn !== undefined ? s.dueOn : dueOn(s));

/**
 * Overdue: still open and `today` is after the due date. The due day itself is in time. A closed
 * petition (resolved, withdrawn, refused, not processed, referred) is never overdue, and neither
 * is one the law gives no time limit (an accepted recommendation or reflection). A RECEIVED
 * petition is held to its acceptance deadline.
 */
export function isOverdue(state: Tracked, today: string): boolean {
  if (!isOpen(state.status)) return false;
  const due = dueOf(state);
  return due !== null && daysBetween(due, today) > 0;
}

/**
 * Near overdue: still open, not yet overdue, and due within `withinDays` days of `today`
 * (the due day itself counts: 0 days left). Feeds the officers' "due soon" queue.
 */
export function isNearOverdue(state: Tracked, today: string, withinDays = 5): boolean {
  if (!Number.isInteger(withinDays) || withinDays < 0) throw new RangeError("withinDays must be a whole number ≥ 0");
  if (!isOpen(state.status)) return false;
  const due = dueOf(state);
  if (due === null) return false;
  const left = daysBetween(today, due);
  return left >= 0 && left <= withinDays;
}
