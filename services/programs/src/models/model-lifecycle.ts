import { latestDate, stateMachine } from "@danvan/kit/rules";
import { datedStep } from "../dated-step.js";
import { ModelStatus } from "./model-enums.js";

/**
 * The "Dân vận khéo" model state machine (docs/product.md, "programs"): REGISTERED → IMPLEMENTING →
 * EVALUATED → RECOGNISED | NOT_RECOGNISED, and WITHDRAWN at any point before the decision.
 * Free of GraphQL and TypeORM (model-refusals.ts answers its refusals), tested move by move
 * (model-lifecycle.test.ts).
 */
export type ModelTransition = "start" | "evaluate" | "recognise" | "reject" | "withdraw";

export const MODEL_LIFECYCLE = stateMachine<ModelStatus, ModelTransition>({
  start: { from: [ModelStatus.REGISTERED], to: ModelStatus.IMPLEMENTING },
  evaluate: { from: [ModelStatus.IMPLEMENTING], to: ModelStatus.EVALUATED },
  recognise: { from: [ModelStatus.EVALUATED], to: ModelStatus.RECOGNISED },
  reject: { from: [ModelStatus.EVALUATED], to: ModelStatus.NOT_RECOGNISED },
  // Once the committee has decided, the model's outcome is on record: no withdrawing it.
  withdraw: {
    from: [ModelStatus.REGISTERED, ModelStatus.IMPLEMENTING, ModelStatus.EVALUATED],
    to: ModelStatus.WITHDRAWN,
  },
});

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

/** The latest step taken: a new step may not be dated before it. */
export function lastModelStepOn(steps: ModelSteps): string {
  return latestDate(steps.registeredOn, steps.startedOn, steps.evaluatedOn, steps.decidedOn, steps.withdrawnOn);
}

/**
 * Applies a transition: the new state and this step's date. Refuses an illegal move
 * (IllegalTransition) before a date in the future or before the previous step (StepDateRefused).
 */
export function applyModelTransition(
  current: ModelSteps & { status: ModelStatus },
  transition: ModelTransition,
  on: string,
  today: string,
): { status: ModelStatus } & Partial<ModelSteps> {
  const status = datedStep(MODEL_LIFECYCLE, current.status, transition, {
    on,
    previous: lastModelStepOn(current),
    today,
  });
  return { status, [MODEL_STEP_DATE[transition]]: on };
}
