import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import { addDays } from "./calendar-date.js";
import { DEADLINE_RULES, type DeadlineRule, type DeadlineStep } from "./deadline-rules.js";

/** What the law's time limits depend on; the lifecycle's PetitionState carries all of it. */
export interface DeadlineFacts {
  kind: PetitionKind;
  /** Complaints only; null for the other kinds. */
  round: ComplaintRound | null;
  complexity: Complexity;
  isRemoteArea: boolean;
  receivedOn: string;
  acceptedOn: string | null;
  extensionsUsed: number;
  /** Days granted by the extensions so far; when left out, each extension counts at its legal maximum. */
  extendedDays?: number;
}

function matches(rule: DeadlineRule, step: DeadlineStep, f: Pick<DeadlineFacts, "kind" | "round">): boolean {
  return rule.step === step && rule.kinds.includes(f.kind) && (rule.round === undefined || rule.round === f.round);
}

/**
 * The one row of DEADLINE_RULES that governs a step for a petition. More or fewer than one is a
 * hole or an overlap in the table, which the tests rule out for every combination.
 */
export function deadlineRuleFor(
  step: DeadlineStep,
  f: Omit<DeadlineFacts, "receivedOn" | "acceptedOn" | "extensionsUsed">,
): DeadlineRule {
  if (f.kind === PetitionKind.COMPLAINT && f.round === null)
    throw new RangeError("A complaint needs its round (FIRST or SECOND)");
  const found = DEADLINE_RULES.filter(
    (r) =>
      matches(r, step, f) &&
      (r.complexities === undefined || r.complexities.includes(f.complexity)) &&
      (r.remote === undefined || r.remote === f.isRemoteArea),
  );
  if (found.length !== 1) {
    throw new Error(
      `DEADLINE_RULES has ${found.length} rows for ${step} of ${f.kind} (${f.round}, ${f.complexity}, remote ${f.isRemoteArea})`,
    );
  }
  return found[0]!;
}

/**
 * The last day to decide whether to accept a petition: 10 days after receipt for every kind
 * (Law on Complaints 2011, Art. 27 and 36; Law on Denunciations 2018, Art. 24; Law on Citizen
 * Reception 2013, Art. 28; see DEADLINE_RULES for how working days are approximated).
 */
export function acceptanceDueOn(
  receivedOn: string,
  of: Pick<DeadlineFacts, "kind" | "round"> = { kind: PetitionKind.COMPLAINT, round: ComplaintRound.FIRST },
): string {
  const rule = DEADLINE_RULES.find((r) => matches(r, "ACCEPTANCE", of));
  if (!rule || rule.days === null) throw new Error(`DEADLINE_RULES has no acceptance row for ${of.kind}`);
  return addDays(receivedOn, rule.days);
}

/** How many extensions the handler may decide: 0, or 1 / 2 for complex / especially complex denunciations (Art. 30). */
export function maxExtensions(kind: PetitionKind, complexity: Complexity): number {
  // Extensions never depend on round or remoteness; the representative values only select the row.
  const round = kind === PetitionKind.COMPLAINT ? ComplaintRound.FIRST : null;
  return deadlineRuleFor("RESOLUTION", { kind, round, complexity, isRemoteArea: false }).maxExtensions;
}

/**
 * The last day to resolve an accepted petition: acceptance date + the row's days + the days of the
 * extensions granted. Null before acceptance and where the law sets no time limit (the answer to a
 * recommendation or reflection).
 */
export function resolutionDueOn(f: DeadlineFacts): string | null {
  if (f.acceptedOn === null) return null;
  const rule = deadlineRuleFor("RESOLUTION", f);
  if (rule.days === null) return null;
  if (!Number.isInteger(f.extensionsUsed) || f.extensionsUsed < 0 || f.extensionsUsed > rule.maxExtensions) {
    throw new RangeError(`${f.extensionsUsed} extensions exceed the ${rule.maxExtensions} allowed (${rule.law})`);
  }
  const ceiling = f.extensionsUsed * rule.extensionDays;
  const extended = f.extendedDays ?? ceiling;
  if (!Number.isInteger(extended) || extended < 0 || extended > ceiling) {
    throw new RangeError(`${extended} extension days exceed the ${ceiling} allowed (${rule.law})`);
  }
  return addDays(f.acceptedOn, rule.days + extended);
}

/**
 * The deadline a petition is held to in its status: the acceptance deadline while RECEIVED; the
 * resolution deadline once accepted, kept after RESOLVED so "resolved on time" can be judged;
 * none once withdrawn (the case ends: Law on Complaints 2011, Art. 10; Law on Denunciations 2018,
 * Art. 33), refused, not processed, or referred for inspection, where no statutory time limit runs.
 */
export function dueOn(f: DeadlineFacts & { status: PetitionStatus }): string | null {
  switch (f.status) {
    case PetitionStatus.RECEIVED:
      return acceptanceDueOn(f.receivedOn, f);
    case PetitionStatus.ACCEPTED:
    case PetitionStatus.UNDER_VERIFICATION:
    case PetitionStatus.RESOLVED:
      return resolutionDueOn(f);
    case PetitionStatus.WITHDRAWN: // DEADLINE_RULES, row WITHDRAWN
    case PetitionStatus.NOT_ACCEPTED:
    case PetitionStatus.NOT_PROCESSED_AS_DENUNCIATION:
    case PetitionStatus.REFERRED_FOR_INSPECTION:
      return null;
  }
}
