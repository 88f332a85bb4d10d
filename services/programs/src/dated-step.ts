import { stepDateFault, type StateMachine } from "@danvan/kit/rules";

/** What is wrong with a step's date (the kit's stepDateFault, when there is something). */
export type StepDateFault = NonNullable<ReturnType<typeof stepDateFault>>;

/**
 * A step dated in the future, or before the record's previous step: the history never runs
 * backwards. A plain Error with the fault, so the rules stay free of GraphQL; the edge
 * (lifecycle-refusals.ts) turns it into the field's problem.
 */
export class StepDateRefused extends Error {
  override readonly name = "StepDateRefused";
  constructor(readonly fault: StepDateFault) {
    super(`a step's date must not be ${fault === "inFuture" ? "in the future" : "before the previous step"}`);
  }
}

/**
 * One dated step of a lifecycle: the state `transition` leads to from `status`, taken `on` a
 * day after the `previous` step and not after `today`. The move is checked before the date,
 * so an illegal move is refused (IllegalTransition) whatever its date; then a bad date throws
 * StepDateRefused. Houses and models take their steps this way.
 */
export function datedStep<S extends string, T extends string>(
  machine: StateMachine<S, T>,
  status: S,
  transition: T,
  dates: { on: string; previous: string; today: string },
): S {
  const next = machine.next(status, transition);
  const fault = stepDateFault(dates.on, dates.previous, dates.today);
  if (fault) throw new StepDateRefused(fault);
  return next;
}
