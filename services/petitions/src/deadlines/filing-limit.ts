import { ComplaintRound, PetitionKind } from "../lifecycle/petition-enums.js";
import { addDays } from "./calendar-date.js";
import { COMPLAINTS_2011, inForce } from "./deadline-rules.js";
import { BUILT_IN_CALENDAR, type WorkingCalendar } from "./working-calendar.js";

export interface FilingLimitFacts {
  kind: PetitionKind;
  round: ComplaintRound | null;
  isRemoteArea: boolean;
  receivedOn: string;
  /**
   * First round: the day the complainant received the administrative decision or learnt of the act;
   * second round: the day they received the first-round decision. Null: not known, not checked.
   */
  decisionKnownOn: string | null;
  /** Days the complainant could not complain (illness, natural disaster, travel, study far away…): not counted. */
  obstacleDays: number;
}

export interface FilingLimitBreach {
  /** The last day the complaint could have been lodged. */
  lastDay: string;
  law: string;
}

/**
 * The time limit for lodging a complaint (Law on Complaints 2011): 90 days from the decision or act
 * (Art. 9), a second-round complaint 30 days from the first-round decision, 45 in a remote area
 * (Art. 33); the days an obstacle prevented the complaint are not counted (Art. 9), and the last day
 * rolls over a weekend or holiday (Civil Code 2015, Art. 148(5)). Null when the complaint is in time,
 * is not a complaint, or its decision date is unknown; the breach otherwise.
 */
export function checkFilingLimit(
  f: FilingLimitFacts,
  calendar: WorkingCalendar = BUILT_IN_CALENDAR,
): FilingLimitBreach | null {
  if (f.kind !== PetitionKind.COMPLAINT || f.decisionKnownOn === null) return null;
  if (!inForce(COMPLAINTS_2011, f.receivedOn)) return null;
  if (!Number.isInteger(f.obstacleDays) || f.obstacleDays < 0) throw new RangeError("obstacleDays must be ≥ 0");
  const second = f.round === ComplaintRound.SECOND;
  const days = second ? (f.isRemoteArea ? 45 : 30) : 90;
  const lastDay = calendar.rollForward(addDays(f.decisionKnownOn, days + f.obstacleDays));
  if (f.receivedOn <= lastDay) return null;
  return { lastDay, law: `${COMPLAINTS_2011.name}, ${second ? "Art. 33" : "Art. 9"}` };
}
