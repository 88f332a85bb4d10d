export { apply } from "./apply.js";
export { OUTCOMES_BY_KIND, ResolutionOutcome } from "./outcomes.js";
export { ComplaintRound, Complexity, isOpen, OPEN_STATUSES, PetitionKind, PetitionStatus } from "./petition-enums.js";
export { receive, type PetitionState, type Receipt } from "./petition-state.js";
export { NotProcessableReason, REFUSAL_REASONS, RefusalReason } from "./refusal-reasons.js";
export {
  PETITION_RULE_CODES,
  PetitionRuleError,
  type PetitionRuleCode,
  type PetitionRuleDetails,
} from "./rule-error.js";
export {
  allowedTransitions,
  startsFrom,
  TRANSITION_RULES,
  TRANSITION_TYPES,
  type Transition,
  type TransitionRule,
  type TransitionType,
  type WithdrawTransition,
} from "./transition-rules.js";
export { withdrawalEndsCase } from "./withdrawal.js";
