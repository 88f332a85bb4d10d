import { BadUserInputError, ConflictError, kitMessage, type FieldProblem, type Message } from "@danvan/kit";
import { HOUSE_STATE_NAME, programsMessage } from "../messages.js";
import { HouseStatus } from "./house-enums.js";

/**
 * The Great Solidarity house state machine (product.md, "programs"): PROPOSED → APPROVED →
 * UNDER_CONSTRUCTION → HANDED_OVER, or CANCELLED from any state before the hand-over.
 * Free of GraphQL and TypeORM, so every move is tested on its own (house-lifecycle.test.ts).
 */
export type HouseTransition = "approve" | "startConstruction" | "handOver" | "cancel";

export const HOUSE_TRANSITIONS: Readonly<Record<HouseTransition, { from: readonly HouseStatus[]; to: HouseStatus }>> = {
  approve: { from: [HouseStatus.PROPOSED], to: HouseStatus.APPROVED },
  startConstruction: { from: [HouseStatus.APPROVED], to: HouseStatus.UNDER_CONSTRUCTION },
  handOver: { from: [HouseStatus.UNDER_CONSTRUCTION], to: HouseStatus.HANDED_OVER },
  // A house handed over is a fact: it cannot be cancelled afterwards.
  cancel: {
    from: [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION],
    to: HouseStatus.CANCELLED,
  },
};

/** Each transition's own name, nested in the message that refuses it ("cannot be handed over"). */
export const HOUSE_TRANSITION_NAME: Readonly<Record<HouseTransition, Message>> = {
  approve: programsMessage("houseMoveApprove"),
  startConstruction: programsMessage("houseMoveStartConstruction"),
  handOver: programsMessage("houseMoveHandOver"),
  cancel: programsMessage("houseMoveCancel"),
};

/** Why a refused move is a CONFLICT: the request is well-formed but the record is in the wrong state. */
export const ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";

/**
 * The state a transition leads to. An illegal move throws CONFLICT with
 * `extensions.reason = "ILLEGAL_TRANSITION"` (and the current state), so a client can tell it
 * from a stale version (CONFLICT without that reason): re-reading will not make it legal.
 */
export function nextState(state: HouseStatus, transition: HouseTransition): HouseStatus {
  const rule = HOUSE_TRANSITIONS[transition];
  if (!rule.from.includes(state)) {
    // The state is the house's own, as stored; the message names it and the move in the caller's language.
    const message = programsMessage("houseIllegalMove", {
      state: HOUSE_STATE_NAME[state],
      transition: HOUSE_TRANSITION_NAME[transition],
    });
    throw new ConflictError(message, {
      reason: ILLEGAL_TRANSITION,
      currentStatus: state,
      transition,
    });
  }
  return rule.to;
}

/** The dates of the steps a house has taken so far. */
export interface HouseSteps {
  proposedOn: string;
  approvedOn: string | null;
  constructionStartedOn: string | null;
  handedOverOn: string | null;
  cancelledOn: string | null;
}

/** Which date a transition records. */
export const STEP_DATE: Readonly<Record<HouseTransition, keyof HouseSteps>> = {
  approve: "approvedOn",
  startConstruction: "constructionStartedOn",
  handOver: "handedOverOn",
  cancel: "cancelledOn",
};

/** The latest step taken: a new step may not be dated before it. */
export function lastStepOn(steps: HouseSteps): string {
  return [steps.approvedOn, steps.constructionStartedOn, steps.handedOverOn, steps.cancelledOn].reduce<string>(
    (latest, d) => (d !== null && d > latest ? d : latest),
    steps.proposedOn,
  );
}

/** A step's date: on or after the previous step, and not in the future. */
export function stepDateProblems(steps: HouseSteps, on: string, today: string, field = "input.on"): FieldProblem[] {
  if (on > today) return [{ path: field, message: kitMessage("notInFuture") }];
  if (on < lastStepOn(steps)) return [{ path: field, message: programsMessage("beforePreviousStep") }];
  return [];
}

/** Applies a transition to a house's steps: the new state and the dates with this step's date set. */
export function applyTransition(
  current: HouseSteps & { status: HouseStatus },
  transition: HouseTransition,
  on: string,
  today: string,
): { status: HouseStatus } & Partial<HouseSteps> {
  const status = nextState(current.status, transition);
  const problems = stepDateProblems(current, on, today);
  if (problems.length) throw new BadUserInputError(problems);
  return { status, [STEP_DATE[transition]]: on };
}
