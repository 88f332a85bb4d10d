import { BadUserInputError, ConflictError, kitMessage, type FieldProblem, type Message } from "@danvan/kit";
import { IllegalTransition, stepDateFault } from "@danvan/kit/rules";
import { StepDateRefused, type StepDateFault } from "./dated-step.js";
import { programsMessage } from "./messages.js";

/** Why a refused move is a CONFLICT: the request is well-formed but the record is in the wrong state. */
export const ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";

/**
 * An illegal move as a CONFLICT with `extensions.reason = "ILLEGAL_TRANSITION"` (and the current
 * state and the move), so a client can tell it from a stale version (CONFLICT without that
 * reason): re-reading will not make it legal. `message` names the state and the move in the
 * caller's language.
 */
export function illegalMoveError(err: IllegalTransition, message: Message): ConflictError {
  return new ConflictError(message, {
    reason: ILLEGAL_TRANSITION,
    currentStatus: err.state,
    transition: err.transition,
  });
}

/** A step date's fault as the problem of its field. */
export function stepDateProblem(fault: StepDateFault, field = "input.on"): FieldProblem {
  return fault === "inFuture"
    ? { path: field, message: kitMessage("notInFuture") }
    : { path: field, message: programsMessage("beforePreviousStep") };
}

/** A step's date: on or after the `previous` step, and not in the future. */
export function stepDateProblems(previous: string, on: string, today: string, field = "input.on"): FieldProblem[] {
  const fault = stepDateFault(on, previous, today);
  return fault ? [stepDateProblem(fault, field)] : [];
}

/**
 * Takes a lifecycle step (dated-step.ts) and answers its refusals as the coded GraphQL errors of
 * the houses and models features: an illegal move is a CONFLICT (its sentence from
 * `illegalMove`), a bad step date is BAD_USER_INPUT on `input.on`; anything else is rethrown.
 */
export function withLifecycleRefusals<R>(step: () => R, illegalMove: (e: IllegalTransition) => Message): R {
  try {
    return step();
  } catch (err) {
    if (err instanceof IllegalTransition) throw illegalMoveError(err, illegalMove(err));
    if (err instanceof StepDateRefused) throw new BadUserInputError([stepDateProblem(err.fault)]);
    throw err;
  }
}
