import type { FieldProblem, Message } from "@danvan/kit";
import type { IllegalTransition } from "@danvan/kit/rules";
import { withLifecycleRefusals } from "../lifecycle-refusals.js";
import { programsMessage } from "../messages.js";
import { costFaults, type HouseCostFault, type HouseCostSplit } from "./house-cost.js";
import { HouseStatus } from "./house-enums.js";
import { applyTransition, type HouseSteps, type HouseTransition } from "./house-lifecycle.js";

/**
 * The house rules' refusals as coded GraphQL errors, in the caller's language: the one place
 * where the houses feature translates them (an illegal move, a step's date, a cost split).
 */

/** A house state's own name, to nest in a message. */
export const HOUSE_STATE_NAME: Readonly<Record<HouseStatus, Message>> = {
  [HouseStatus.PROPOSED]: programsMessage("houseStateProposed"),
  [HouseStatus.APPROVED]: programsMessage("houseStateApproved"),
  [HouseStatus.UNDER_CONSTRUCTION]: programsMessage("houseStateUnderConstruction"),
  [HouseStatus.HANDED_OVER]: programsMessage("houseStateHandedOver"),
  [HouseStatus.CANCELLED]: programsMessage("houseStateCancelled"),
};

/** Each transition's own name, nested in the message that refuses it ("cannot be handed over"). */
export const HOUSE_TRANSITION_NAME: Readonly<Record<HouseTransition, Message>> = {
  approve: programsMessage("houseMoveApprove"),
  startConstruction: programsMessage("houseMoveStartConstruction"),
  handOver: programsMessage("houseMoveHandOver"),
  cancel: programsMessage("houseMoveCancel"),
};

/** The sentence refusing an illegal move: the house's state, as stored, and the move, by their names. */
export function illegalHouseMove(e: IllegalTransition): Message {
  return programsMessage("houseIllegalMove", {
    state: HOUSE_STATE_NAME[e.state as HouseStatus],
    transition: HOUSE_TRANSITION_NAME[e.transition as HouseTransition],
  });
}

/**
 * The house after a transition (house-lifecycle.ts's applyTransition): an illegal move is a
 * CONFLICT with reason ILLEGAL_TRANSITION, a bad date is BAD_USER_INPUT on `input.on`.
 */
export function takeHouseStep(
  current: HouseSteps & { status: HouseStatus },
  transition: HouseTransition,
  on: string,
  today: string,
): { status: HouseStatus } & Partial<HouseSteps> {
  return withLifecycleRefusals(() => applyTransition(current, transition, on, today), illegalHouseMove);
}

/** Each cost fault on the input field a caller would change to mend it. */
const COST_PROBLEM: Readonly<Record<HouseCostFault, FieldProblem>> = {
  costsNothing: { path: "input.familyAmountVnd", message: programsMessage("costNothing") },
  fundShareWithoutFund: { path: "input.fundId", message: programsMessage("fundIdRequired") },
  fundPaysNothing: { path: "input.fundAmountVnd", message: programsMessage("fundPaysNothing") },
};

/** A proposed house's cost split, its faults as the input's field problems. */
export function costProblems(split: HouseCostSplit): FieldProblem[] {
  return costFaults(split).map((fault) => COST_PROBLEM[fault]);
}
