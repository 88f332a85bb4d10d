import { addDays } from "./calendar-date.js";
import type { WorkingCalendar } from "./working-calendar.js";

/**
 * When the Front follows up a petition it forwarded to the competent state body: the body is
 * expected to have answered (accepted and resolved, or said why not) within the first-round
 * resolution period the law gives it, 30 days from the forwarding (Law on Complaints 2011,
 * Art. 28; Law on Denunciations 2018, Art. 30(1); Law on Citizen Reception 2013, Art. 28 for
 * recommendations and reflections), counted in calendar days and rolled over a weekend or
 * holiday (Civil Code 2015, Art. 148(5)). A project rule built on those limits, one period for
 * every kind: the acts set the body's own deadline, not the Front's follow-up.
 */
export const FORWARD_FOLLOW_UP = {
  days: 30,
  basis:
    "Follow-up after 30 days: Law on Complaints 2011, Art. 28; Law on Denunciations 2018, Art. 30(1); Law on Citizen Reception 2013, Art. 28; rolled over per Civil Code 2015, Art. 148(5)",
} as const;

/** The day the forwarded petition's answer is due (the follow-up's date). */
export function forwardFollowUpDueOn(forwardedOn: string, calendar: WorkingCalendar): string {
  return calendar.rollForward(addDays(forwardedOn, FORWARD_FOLLOW_UP.days));
}

/** A forwarded petition whose body has not answered by the follow-up date, as of `today`. */
export function isForwardOverdue(
  p: { forwardFollowUpDueOn: string | null; forwardAnsweredOn: string | null },
  today: string,
): boolean {
  if (p.forwardFollowUpDueOn === null) return false;
  return p.forwardAnsweredOn === null ? today > p.forwardFollowUpDueOn : p.forwardAnsweredOn > p.forwardFollowUpDueOn;
}
