export { addDays, daysBetween, isCalendarDate, isoWeekday } from "./calendar-date.js";
export {
  citation,
  DEADLINE_RULES,
  inForce,
  type Act,
  type DayCount,
  type DeadlineRule,
  type DeadlineStep,
} from "./deadline-rules.js";
export { DECLARED_DAYS, type DeclaredDay } from "./declared-days.js";
export {
  acceptanceDueOn,
  deadlineRuleFor,
  dueOn,
  extensionsAllowed,
  legalBasisOf,
  maxExtensions,
  NoRuleInForceError,
  periodEnd,
  resolutionDueOn,
  rulesStartOn,
  type DeadlineFacts,
} from "./due-dates.js";
export { checkFilingLimit, type FilingLimitFacts, type FilingLimitBreach } from "./filing-limit.js";
export { HOLIDAY_LAWS, holidaysOf, type Holiday } from "./holidays.js";
export { LUNAR_DATES, lunarDatesOf } from "./lunar-dates.js";
export { isNearOverdue, isOverdue } from "./overdue.js";
export { BUILT_IN_CALENDAR, WorkingCalendar } from "./working-calendar.js";
export { FORWARD_FOLLOW_UP, forwardFollowUpDueOn, isForwardOverdue } from "./forward-follow-up.js";
