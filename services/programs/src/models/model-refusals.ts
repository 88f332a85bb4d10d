import type { Message } from "@danvan/kit";
import type { IllegalTransition } from "@danvan/kit/rules";
import { withLifecycleRefusals } from "../lifecycle-refusals.js";
import { programsMessage } from "../messages.js";
import { ModelStatus } from "./model-enums.js";
import { applyModelTransition, type ModelSteps, type ModelTransition } from "./model-lifecycle.js";

/**
 * The model rules' refusals as coded GraphQL errors, in the caller's language: the one place
 * where the models feature translates them (an illegal move, a step's date).
 */

/** A model state's own name, to nest in a message. */
export const MODEL_STATE_NAME: Readonly<Record<ModelStatus, Message>> = {
  [ModelStatus.REGISTERED]: programsMessage("modelStateRegistered"),
  [ModelStatus.IMPLEMENTING]: programsMessage("modelStateImplementing"),
  [ModelStatus.EVALUATED]: programsMessage("modelStateEvaluated"),
  [ModelStatus.RECOGNISED]: programsMessage("modelStateRecognised"),
  [ModelStatus.NOT_RECOGNISED]: programsMessage("modelStateNotRecognised"),
  [ModelStatus.WITHDRAWN]: programsMessage("modelStateWithdrawn"),
};

/** Each transition's own name, nested in the message that refuses it ("cannot be withdrawn"). */
export const MODEL_TRANSITION_NAME: Readonly<Record<ModelTransition, Message>> = {
  start: programsMessage("modelMoveStart"),
  evaluate: programsMessage("modelMoveEvaluate"),
  recognise: programsMessage("modelMoveRecognise"),
  reject: programsMessage("modelMoveReject"),
  withdraw: programsMessage("modelMoveWithdraw"),
};

/** The sentence refusing an illegal move: the model's state and the move, by their names. */
export function illegalModelMove(e: IllegalTransition): Message {
  return programsMessage("modelIllegalMove", {
    state: MODEL_STATE_NAME[e.state as ModelStatus],
    transition: MODEL_TRANSITION_NAME[e.transition as ModelTransition],
  });
}

/**
 * The model after a transition (model-lifecycle.ts's applyModelTransition): an illegal move is
 * a CONFLICT with reason ILLEGAL_TRANSITION, a bad date is BAD_USER_INPUT on `input.on`.
 */
export function takeModelStep(
  current: ModelSteps & { status: ModelStatus },
  transition: ModelTransition,
  on: string,
  today: string,
): { status: ModelStatus } & Partial<ModelSteps> {
  return withLifecycleRefusals(() => applyModelTransition(current, transition, on, today), illegalModelMove);
}
