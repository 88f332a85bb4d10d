import { latestDate, stateMachine } from "@danvan/kit/rules";
import { datedStep } from "../dated-step.js";
import { HouseStatus } from "./house-enums.js";

/**
 * The Great Solidarity house state machine (docs/product.md, "programs"): PROPOSED → APPROVED →
 * UNDER_CONSTRUCTION → HANDED_OVER, or CANCELLED from any state before the hand-over.
 * Free of GraphQL and TypeORM (a refusal is the kit's IllegalTransition or a StepDateRefused;
 * house-refusals.ts answers them), so every move is tested on its own (house-lifecycle.test.ts).
 */
export type HouseTransition = "approve" | "startConstruction" | "handOver" | "cancel";

export const HOUSE_LIFECYCLE = stateMachine<HouseStatus, HouseTransition>({
  approve: { from: [HouseStatus.PROPOSED], to: HouseStatus.APPROVED },
  startConstruction: { from: [HouseStatus.APPROVED], to: HouseStatus.UNDER_CONSTRUCTION },
  handOver: { from: [HouseStatus.UNDER_CONSTRUCTION], to: HouseStatus.HANDED_OVER },
  // A house handed over is a fact: it cannot be cancelled afterwards.
  cancel: {
    from: [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION],
    to: HouseStatus.CANCELLED,
  },
});

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
  return latestDate(
    steps.proposedOn,
    steps.approvedOn,
    steps.constructionStartedOn,
    steps.handedOverOn,
    steps.cancelledOn,
  );
}

/**
 * Applies a transition to a house's steps: the new state and the dates with this step's date
 * set. Refuses an illegal move (IllegalTransition) before a date in the future or before the
 * previous step (StepDateRefused).
 */
export function applyTransition(
  current: HouseSteps & { status: HouseStatus },
  transition: HouseTransition,
  on: string,
  today: string,
): { status: HouseStatus } & Partial<HouseSteps> {
  const status = datedStep(HOUSE_LIFECYCLE, current.status, transition, { on, previous: lastStepOn(current), today });
  return { status, [STEP_DATE[transition]]: on };
}
