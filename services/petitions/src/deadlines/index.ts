export { addDays, daysBetween, isCalendarDate, isoWeekday } from "./calendar-date.js";
export { DEADLINE_RULES, type DeadlineRule, type DeadlineStep } from "./deadline-rules.js";
export {
  acceptanceDueOn,
  deadlineRuleFor,
  dueOn,
  maxExtensions,
  resolutionDueOn,
  type DeadlineFacts,
} from "./due-dates.js";
export { isNearOverdue, isOverdue } from "./overdue.js";
