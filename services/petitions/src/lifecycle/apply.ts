import { kitMessage, type Message } from "@danvan/kit/i18n";
import { REORGANISATION_2025 } from "@danvan/kit/units";
import { isCalendarDate } from "../deadlines/calendar-date.js";
import { dueOn, extensionsAllowed, resolutionDueOn } from "../deadlines/due-dates.js";
import { BUILT_IN_CALENDAR, type WorkingCalendar } from "../deadlines/working-calendar.js";
import { petitionsMessage } from "../messages.js";
import { kindName, statusName, stepName } from "./names.js";
import { OUTCOMES_BY_KIND } from "./outcomes.js";
import { PetitionStatus } from "./petition-enums.js";
import type { PetitionState } from "./petition-state.js";
import { REFUSAL_REASONS, NotProcessableReason } from "./refusal-reasons.js";
import { PetitionRuleError, type PetitionRuleCode } from "./rule-error.js";
import { startsFrom, TRANSITION_RULES, type Transition } from "./transition-rules.js";
import { withdrawalEndsCase } from "./withdrawal.js";

/**
 * The petition after `transition`, taken on `at` (YYYY-MM-DD). Refuses, with a PetitionRuleError:
 * a transition the kind may not take from its status (ILLEGAL_TRANSITION, naming both); a step
 * dated before the previous one (DATE_OUT_OF_ORDER: the history never runs backwards); a guard
 * of TRANSITION_RULES that does not hold; and input wrong for this petition. Whether `at` is in
 * the future is for the caller, who knows today's date in the province. The refusals' messages
 * name the kind, the status and the step, never the date or the value the caller gave. Due dates
 * count on `calendar` (the server's: the built-in one with the administrators' declared days).
 */
export function apply(
  state: PetitionState,
  transition: Transition,
  at: string,
  calendar: WorkingCalendar = BUILT_IN_CALENDAR,
): PetitionState {
  const { type } = transition;
  const refuse = (code: PetitionRuleCode, message: Message, field?: string): never => {
    throw new PetitionRuleError(code, message, { transition: type, status: state.status, kind: state.kind, field });
  };

  if (!startsFrom(state, type)) {
    refuse(
      "ILLEGAL_TRANSITION",
      petitionsMessage("illegalTransition", {
        kind: kindName(state.kind),
        status: statusName(state.status),
        transition: stepName(type),
      }),
    );
  }
  if (!isCalendarDate(at)) refuse("DATE_OUT_OF_ORDER", kitMessage("calendarDate"), "on");
  if (at < state.lastStepOn) refuse("DATE_OUT_OF_ORDER", petitionsMessage("dateBeforePreviousStep"), "on");
  const guard = TRANSITION_RULES[type].guard;
  if (guard && !guard.holds(state)) refuse(guard.code, guard.why);

  const next = { ...state, lastStepOn: at };
  const close = (status: PetitionStatus) => Object.assign(next, { status, closedOn: at });

  switch (transition.type) {
    case "receive":
      // TRANSITION_RULES.receive starts from no status, so startsFrom refused it above.
      return refuse("ILLEGAL_TRANSITION", petitionsMessage("receivedOnce"));
    case "accept":
      Object.assign(next, {
        status: PetitionStatus.ACCEPTED,
        acceptedOn: at,
        complexity: transition.complexity ?? state.complexity,
      });
      break;
    case "refuseAcceptance":
      if (!REFUSAL_REASONS[transition.reason]?.appliesTo.includes(state.kind)) {
        refuse(
          "INVALID_TRANSITION_INPUT",
          petitionsMessage("notAGroundToRefuse", { kind: kindName(state.kind) }),
          "reason",
        );
      }
      close(PetitionStatus.NOT_ACCEPTED).refusalReason = transition.reason;
      break;
    case "markNotProcessable":
      if (!Object.values(NotProcessableReason).includes(transition.reason)) {
        refuse("INVALID_TRANSITION_INPUT", petitionsMessage("notAGroundNotToProcess"), "reason");
      }
      close(PetitionStatus.NOT_PROCESSED_AS_DENUNCIATION).notProcessableReason = transition.reason;
      break;
    case "startVerification":
      next.status = PetitionStatus.UNDER_VERIFICATION;
      break;
    case "extendDeadline": {
      // Each extension grants at most the row's days (30; 60 for a complex case under the 2011 Law on Denunciations).
      const ceiling = extensionsAllowed(state).days;
      const days = transition.days ?? ceiling;
      if (!Number.isInteger(days) || days < 1 || days > ceiling) {
        refuse("INVALID_TRANSITION_INPUT", petitionsMessage("extensionDays", { max: ceiling }), "days");
      }
      // Extending a deadline already missed would hide the delay; the decision comes in time.
      const due = resolutionDueOn(state, calendar);
      if (due !== null && at > due) refuse("EXTENSION_NOT_ALLOWED", petitionsMessage("extensionTooLate"));
      next.extensionsUsed = state.extensionsUsed + 1;
      next.extendedDays = state.extendedDays + days;
      break;
    }
    case "resolve":
      if (!OUTCOMES_BY_KIND[state.kind].includes(transition.outcome)) {
        refuse(
          "INVALID_TRANSITION_INPUT",
          petitionsMessage("outcomeNotForKind", { kind: kindName(state.kind) }),
          "outcome",
        );
      }
      close(PetitionStatus.RESOLVED).outcome = transition.outcome;
      break;
    case "withdraw":
      if (withdrawalEndsCase(state.kind, transition)) close(PetitionStatus.WITHDRAWN);
      break;
    case "referForInspection":
      if (transition.contentIsConcrete !== true) {
        refuse("REFERRAL_NOT_ALLOWED", petitionsMessage("referralNotConcrete"));
      }
      close(PetitionStatus.REFERRED_FOR_INSPECTION);
      break;
    case "forward":
      close(PetitionStatus.FORWARDED);
      break;
    case "reorganise":
      // Dated the day the new units began; the deadlines run on as they were (no recount).
      if (at !== REORGANISATION_2025) refuse("INVALID_TRANSITION_INPUT", petitionsMessage("reorganisedOnTheDay"), "on");
      return next;
  }
  return { ...next, dueOn: dueOn(next, calendar) };
}
