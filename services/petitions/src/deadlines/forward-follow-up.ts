import { addDays } from "./calendar-date.js";
import type { WorkingCalendar } from "./working-calendar.js";

/**
 * When the Front follows up a petition it forwarded to the competent state body: 30 calendar days
 * after forwarding, rolled over a weekend or holiday (Civil Code 2015, Art. 148(5)). A project
 * rule, one period for every kind, built on the body's own first-round resolution period (Law on
 * Complaints 2011, Art. 28: 30 days from acceptance; Law on Denunciations 2018, Art. 30(1): 30
 * days from acceptance); recommendations and reflections have no such period (Law on Citizen
 * Reception 2013, Art. 28(1) sets only the 10 working days to tell the citizen it was accepted or
 * passed on).
 *
 * No act or guidance read sets a period for the Front's follow-up counted from the forwarding.
 * Searched: the Pháp điển's texts on complaints, denunciations, citizen reception and the
 * Fatherland Front (public repository diepxuan/diepxuan.github.io, van-ban/khieu-nai-to-cao/ and
 * to-chuc-bo-may-nha-nuoc/mat-tran-to-quoc-viet-nam.md), for Thông tư 05/2021/TT-TTCP and for a
 * guidance of the Ban Thường trực UBTW MTTQ Việt Nam on citizen reception and petition handling
 * (none found). The nearest rules, neither counted from the forwarding:
 * - Law on Complaints 2011, Art. 66(2): a complaint the Front forwards is resolved, and the
 *   resolver tells the Front the result in writing within 07 days of the resolution decision;
 *   Art. 27: the acceptance (10 days from receipt) is notified to whoever forwarded it. For a
 *   first-round complaint that is at most 10 + 30 (45 complex or remote, 60 both) + 7 days after
 *   the body receives it, longer than this rule's 30.
 * - Law on Citizen Reception 2013, Art. 27(2): 07 working days from resolution to tell the body
 *   that forwarded it, for National Assembly bodies, deputies and reception boards (not the Front).
 * - Law on the Vietnam Fatherland Front 2015, Art. 18(1): the Front takes part in resolving
 *   complaints and denunciations "theo quy định của pháp luật", with no period of its own.
 */
export const FORWARD_FOLLOW_UP = {
  days: 30,
  basis:
    "Project rule: follow-up 30 days after forwarding, the bodies' first-round periods (Law on Complaints 2011, Art. 28; Law on Denunciations 2018, Art. 30(1)); rolled over per Civil Code 2015, Art. 148(5)",
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
