import { BadUserInputError, ConflictError, kitMessage, type FieldProblem, type Message } from "@danvan/kit";
import { ILLEGAL_TRANSITION } from "../houses/house-lifecycle.js";
import { MODEL_STATE_NAME, programsMessage } from "../messages.js";
import { ModelStatus } from "./model-enums.js";

/**
 * The "Dân vận khéo" model state machine (product.md, "programs"): REGISTERED → IMPLEMENTING →
 * EVALUATED → RECOGNISED | NOT_RECOGNISED, and WITHDRAWN at any point before the decision.
 * Free of GraphQL and TypeORM, tested move by move (model-lifecycle.test.ts).
 */
export type ModelTransition = "start" | "evaluate" | "recognise" | "reject" | "withdraw";

export const MODEL_TRANSITIONS: Readonly<Record<ModelTransition, { from: readonly ModelStatus[]; to: ModelStatus }>> = {
  start: { from: [ModelStatus.REGISTERED], to: ModelStatus.IMPLEMENTING },
  evaluate: { from: [ModelStatus.IMPLEMENTING], to: ModelStatus.EVALUATED },
  recognise: { from: [ModelStatus.EVALUATED], to: ModelStatus.RECOGNISED },
  reject: { from: [ModelStatus.EVALUATED], to: ModelStatus.NOT_RECOGNISED },
  // Once the committee has decided, the model's outcome is on record: no withdrawing it.
  withdraw: {
    from: [ModelStatus.REGISTERED, ModelStatus.IMPLEMENTING, ModelStatus.EVALUATED],
    to: ModelStatus.WITHDRAWN,
  },
};

/** Each transition's own name, nested in the message that refuses it ("cannot be withdrawn"). */
export const MODEL_TRANSITION_NAME: Readonly<Record<ModelTransition, Message>> = {
  start: programsMessage("modelMoveStart"),
  evaluate: programsMessage("modelMoveEvaluate"),
  recognise: programsMessage("modelMoveRecognise"),
  reject: programsMessage("modelMoveReject"),
  withdraw: programsMessage("modelMoveWithdraw"),
};

/** The state a transition leads to; an illegal move throws CONFLICT (reason ILLEGAL_TRANSITION). */
export function nextModelState(state: ModelStatus, transition: ModelTransition): ModelStatus {
  const rule = MODEL_TRANSITIONS[transition];
  if (!rule.from.includes(state)) {
    const message = programsMessage("modelIllegalMove", {
      state: MODEL_STATE_NAME[state],
      transition: MODEL_TRANSITION_NAME[transition],
    });
    throw new ConflictError(message, {
      reason: ILLEGAL_TRANSITION,
      currentStatus: state,
      transition,
    });
  }
  return rule.to;
}

/** The dates of the steps a model has taken so far. */
export interface ModelSteps {
  registeredOn: string;
  startedOn: string | null;
  evaluatedOn: string | null;
  decidedOn: string | null;
  withdrawnOn: string | null;
}

/** Which date a transition records: recognition and rejection are both the committee's decision. */
export const MODEL_STEP_DATE: Readonly<Record<ModelTransition, keyof ModelSteps>> = {
  start: "startedOn",
  evaluate: "evaluatedOn",
  recognise: "decidedOn",
  reject: "decidedOn",
  withdraw: "withdrawnOn",
};

export function lastModelStepOn(steps: ModelSteps): string {
  return [steps.startedOn, steps.evaluatedOn, steps.decidedOn, steps.withdrawnOn].reduce<string>(
    (latest, d) => (d !== null && d > latest ? d : latest),
    steps.registeredOn,
  );
}

/** A step's date: on or after the previous step, and not in the future. */
export function modelStepDateProblems(
  steps: ModelSteps,
  on: string,
  today: string,
  field = "input.on",
): FieldProblem[] {
  if (on > today) return [{ path: field, message: kitMessage("notInFuture") }];
  if (on < lastModelStepOn(steps)) return [{ path: field, message: programsMessage("beforePreviousStep") }];
  return [];
}

/** Applies a transition: the new state and this step's date, or a coded error. */
export function applyModelTransition(
  current: ModelSteps & { status: ModelStatus },
  transition: ModelTransition,
  on: string,
  today: string,
): { status: ModelStatus } & Partial<ModelSteps> {
  const status = nextModelState(current.status, transition);
  const problems = modelStepDateProblems(current, on, today);
  if (problems.length) throw new BadUserInputError(problems);
  return { status, [MODEL_STEP_DATE[transition]]: on };
}
