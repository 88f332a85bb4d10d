import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import { addDays } from "./calendar-date.js";
import { citation, DEADLINE_RULES, inForce, type DeadlineRule, type DeadlineStep } from "./deadline-rules.js";
import { BUILT_IN_CALENDAR, type WorkingCalendar } from "./working-calendar.js";

/** What the law's time limits depend on; the lifecycle's PetitionState carries all of it. */
export interface DeadlineFacts {
  kind: PetitionKind;
  /** Complaints only; null for the other kinds. */
  round: ComplaintRound | null;
  complexity: Complexity;
  isRemoteArea: boolean;
  /** The receipt date: the law in force on it governs every time limit of the petition. */
  receivedOn: string;
  acceptedOn: string | null;
  extensionsUsed: number;
  /** Days granted by the extensions so far; when left out, each extension counts at its legal maximum. */
  extendedDays?: number;
}

type RuleFacts = Pick<DeadlineFacts, "kind" | "round" | "complexity" | "isRemoteArea" | "receivedOn">;

/** No row of DEADLINE_RULES governs a petition received on that date (before the table's acts). */
export class NoRuleInForceError extends RangeError {
  constructor(readonly receivedOn: string) {
    super("No deadline rule is in force on the receipt date");
  }
}

/**
 * The one row of DEADLINE_RULES that governs a step for a petition received on `receivedOn`. None
 * (the receipt predates the acts) is a NoRuleInForceError; more than one is an overlap in the
 * table, which the tests rule out for every combination.
 */
export function deadlineRuleFor(step: DeadlineStep, f: RuleFacts): DeadlineRule {
  if (f.kind === PetitionKind.COMPLAINT && f.round === null)
    throw new RangeError("A complaint needs its round (FIRST or SECOND)");
  const found = DEADLINE_RULES.filter(
    (r) =>
      r.step === step &&
      r.kinds.includes(f.kind) &&
      inForce(r.act, f.receivedOn) &&
      (r.round === undefined || r.round === f.round) &&
      (r.complexities === undefined || r.complexities.includes(f.complexity)) &&
      (r.remote === undefined || r.remote === f.isRemoteArea),
  );
  if (found.length === 0) throw new NoRuleInForceError(f.receivedOn);
  if (found.length > 1) {
    throw new Error(`DEADLINE_RULES has ${found.length} rows for ${step} of ${f.kind} (${f.round}, ${f.complexity})`);
  }
  return found[0]!;
}

/** The earliest receipt date the table governs for a kind (every act of its rows in force from then). */
export function rulesStartOn(kind: PetitionKind): string {
  return DEADLINE_RULES.filter((r) => r.step === "ACCEPTANCE" && r.kinds.includes(kind))
    .map((r) => r.act.from)
    .sort()[0]!;
}

/**
 * The end of a period of `days` from `from` under a row: the `days`-th working day after it, or
 * the date `days` calendar days after it rolled over to the next working day (Civil Code 2015,
 * Art. 148(5); Civil Code 2005, Art. 153(5), said the same).
 */
export function periodEnd(
  rule: Pick<DeadlineRule, "counts">,
  from: string,
  days: number,
  calendar: WorkingCalendar,
): string {
  return rule.counts === "WORKING" ? calendar.addWorkingDays(from, days) : calendar.rollForward(addDays(from, days));
}

/**
 * The last day to decide whether to accept a petition (Law on Complaints 2011, Art. 27 and 36, and
 * from 1/7/2026 Decree 124/2020/NĐ-CP, Art. 16(1) as Decree 155/2026/NĐ-CP words it; Law on
 * Denunciations 2011, Art. 20, and 2018, Art. 24; Law on Citizen Reception 2013, Art. 28).
 */
export function acceptanceDueOn(f: RuleFacts, calendar: WorkingCalendar = BUILT_IN_CALENDAR): string {
  const rule = deadlineRuleFor("ACCEPTANCE", f);
  if (rule.days === null) throw new Error(`DEADLINE_RULES has no acceptance limit for ${f.kind}`);
  return periodEnd(rule, f.receivedOn, rule.days, calendar);
}

/** The extensions the handler may decide and each one's ceiling, under the law of the receipt date. */
export function extensionsAllowed(f: RuleFacts): { max: number; days: number } {
  const rule = deadlineRuleFor("RESOLUTION", f);
  return { max: rule.maxExtensions, days: rule.extensionDays };
}

/** How many extensions the handler may decide: 0, or (denunciations) 1 or 2 by complexity and law. */
export function maxExtensions(f: RuleFacts): number {
  return extensionsAllowed(f).max;
}

/**
 * The last day to resolve an accepted petition: acceptance date + the row's days + the days of the
 * extensions granted, rolled over to a working day. Null before acceptance and where the law sets
 * no time limit (the answer to a recommendation or reflection).
 */
export function resolutionDueOn(f: DeadlineFacts, calendar: WorkingCalendar = BUILT_IN_CALENDAR): string | null {
  if (f.acceptedOn === null) return null;
  const rule = deadlineRuleFor("RESOLUTION", f);
  if (rule.days === null) return null;
  if (!Number.isInteger(f.extensionsUsed) || f.extensionsUsed < 0 || f.extensionsUsed > rule.maxExtensions) {
    throw new RangeError(`${f.extensionsUsed} extensions exceed the ${rule.maxExtensions} allowed (${rule.id})`);
  }
  const ceiling = f.extensionsUsed * rule.extensionDays;
  const extended = f.extendedDays ?? ceiling;
  if (!Number.isInteger(extended) || extended < 0 || extended > ceiling) {
    throw new RangeError(`${extended} extension days exceed the ${ceiling} allowed (${rule.id})`);
  }
  return periodEnd(rule, f.acceptedOn, rule.days + extended, calendar);
}

/** The step whose deadline a petition is held to in a status, or null where none runs. */
function stepIn(status: PetitionStatus): DeadlineStep | null {
  switch (status) {
    case PetitionStatus.RECEIVED:
      return "ACCEPTANCE";
    case PetitionStatus.ACCEPTED:
    case PetitionStatus.UNDER_VERIFICATION:
    case PetitionStatus.RESOLVED:
      return "RESOLUTION";
    case PetitionStatus.WITHDRAWN:
    case PetitionStatus.NOT_ACCEPTED:
    case PetitionStatus.NOT_PROCESSED_AS_DENUNCIATION:
    case PetitionStatus.REFERRED_FOR_INSPECTION:
    case PetitionStatus.FORWARDED:
      return null;
  }
}

/**
 * The deadline a petition is held to in its status: the acceptance deadline while RECEIVED; the
 * resolution deadline once accepted, kept after RESOLVED so "resolved on time" can be judged;
 * none once withdrawn (the case ends: Law on Complaints 2011, Art. 10; Law on Denunciations 2018,
 * Art. 33), refused, not processed, or referred for inspection, where no statutory time limit runs.
 */
export function dueOn(
  f: DeadlineFacts & { status: PetitionStatus },
  calendar: WorkingCalendar = BUILT_IN_CALENDAR,
): string | null {
  const step = stepIn(f.status);
  if (step === "ACCEPTANCE") return acceptanceDueOn(f, calendar);
  if (step === "RESOLUTION") return resolutionDueOn(f, calendar);
  return null;
}

const ROLL_OVER = "Civil Code 2015 (91/2015/QH13), Art. 148(5)";
const ROLL_OVER_2005 = "Civil Code 2005 (33/2005/QH11), Art. 153(5)";

/**
 * The act and article that set the deadline a petition is held to now (`Petition.legalBasis`),
 * and the Civil Code's roll-over when the stored due date is later than the period's last
 * calendar day; null where no deadline runs.
 */
export function legalBasisOf(f: DeadlineFacts & { status: PetitionStatus; dueOn: string | null }): string | null {
  const step = stepIn(f.status);
  if (step === null || f.dueOn === null) return null;
  const rule = deadlineRuleFor(step, f);
  if (rule.days === null) return null;
  const from = step === "ACCEPTANCE" ? f.receivedOn : f.acceptedOn;
  if (from === null) return citation(rule);
  const last = addDays(from, rule.days + (step === "RESOLUTION" ? (f.extendedDays ?? 0) : 0));
  if (rule.counts === "CALENDAR" && f.dueOn > last) {
    return `${citation(rule)}; ${last >= "2017-01-01" ? ROLL_OVER : ROLL_OVER_2005}`;
  }
  return citation(rule);
}
