import { kitMessage } from "@danvan/kit/i18n";
import { isCalendarDate } from "../deadlines/calendar-date.js";
import { acceptanceDueOn, dueOn, NoRuleInForceError, type DeadlineFacts } from "../deadlines/due-dates.js";
import { BUILT_IN_CALENDAR, type WorkingCalendar } from "../deadlines/working-calendar.js";
import type { ResolutionOutcome } from "./outcomes.js";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "./petition-enums.js";
import type { NotProcessableReason, RefusalReason } from "./refusal-reasons.js";
import { PetitionRuleError } from "./rule-error.js";
import { petitionsMessage } from "../messages.js";

/**
 * What the rules need to know about a petition: the deadline facts, where it stands, and the
 * facts its steps recorded. The persistence layer stores these columns; `apply` returns the
 * next value of all of them (`dueOn` included), so the row and the rules cannot disagree.
 */
export interface PetitionState extends DeadlineFacts {
  status: PetitionStatus;
  /** Days granted by the extensions so far (each at most 30: Law on Denunciations 2018, Art. 30). */
  extendedDays: number;
  /** The date of the latest step: a new step may not be dated before it. */
  lastStepOn: string;
  /** When the case ended (resolved, withdrawn, refused, not processed, referred); null while open. */
  closedOn: string | null;
  /** The deadline the petition is held to in its status (deadlines/due-dates.ts, `dueOn`). */
  dueOn: string | null;
  /** The last day to decide on acceptance, fixed at receipt (kept after it, to judge late acceptances). */
  acceptanceDueOn: string;
  refusalReason: RefusalReason | null;
  notProcessableReason: NotProcessableReason | null;
  outcome: ResolutionOutcome | null;
}

/** What is known when a petition arrives. */
export interface Receipt {
  kind: PetitionKind;
  /** Complaints only; FIRST when left out, since most complaints are first-round. */
  round?: ComplaintRound | null;
  /** NORMAL when left out; the handler may classify the case when accepting it. */
  complexity?: Complexity;
  /** From the petition's commune (the remote-area flag of the administrative unit). */
  isRemoteArea: boolean;
}

/**
 * The `receive` transition: a new petition, RECEIVED on `on`, held to its acceptance deadline under
 * the law in force that day (NO_RULE_IN_FORCE before the deadline table's acts).
 */
export function receive(receipt: Receipt, on: string, calendar: WorkingCalendar = BUILT_IN_CALENDAR): PetitionState {
  if (!isCalendarDate(on)) {
    throw new PetitionRuleError("DATE_OUT_OF_ORDER", kitMessage("calendarDate"), {
      transition: "receive",
      kind: receipt.kind,
      field: "on",
    });
  }
  const isComplaint = receipt.kind === PetitionKind.COMPLAINT;
  if (!isComplaint && receipt.round != null) {
    throw new PetitionRuleError("INVALID_TRANSITION_INPUT", petitionsMessage("roundComplaintsOnly"), {
      transition: "receive",
      kind: receipt.kind,
      field: "round",
    });
  }
  const state: Omit<PetitionState, "dueOn" | "acceptanceDueOn"> = {
    kind: receipt.kind,
    round: isComplaint ? (receipt.round ?? ComplaintRound.FIRST) : null,
    complexity: receipt.complexity ?? Complexity.NORMAL,
    isRemoteArea: receipt.isRemoteArea,
    status: PetitionStatus.RECEIVED,
    receivedOn: on,
    acceptedOn: null,
    extensionsUsed: 0,
    extendedDays: 0,
    lastStepOn: on,
    closedOn: null,
    refusalReason: null,
    notProcessableReason: null,
    outcome: null,
  };
  try {
    const due = acceptanceDueOn(state, calendar);
    return { ...state, dueOn: dueOn(state, calendar), acceptanceDueOn: due };
  } catch (err) {
    if (!(err instanceof NoRuleInForceError)) throw err;
    throw new PetitionRuleError("NO_RULE_IN_FORCE", petitionsMessage("noRuleInForce"), {
      transition: "receive",
      kind: receipt.kind,
      field: "on",
    });
  }
}
