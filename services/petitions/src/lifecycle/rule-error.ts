import type { PetitionKind, PetitionStatus } from "./petition-enums.js";

/**
 * The codes a refused petition rule carries. Each maps to one client error code of the graph
 * (graph-contract.md, "Conventions"), so a resolver can translate mechanically, e.g.
 * `new ConflictError(e.message, { reason: e.code, ...e.details })` for CONFLICT and
 * `BadUserInputError.field("input." + e.details.field, e.message)` for BAD_USER_INPUT.
 */
export const PETITION_RULE_CODES = {
  /** The transition does not exist for this kind in this status; re-reading will not make it legal. */
  ILLEGAL_TRANSITION: "CONFLICT",
  /** No extension left for this complexity, or the deadline to extend has already passed. */
  EXTENSION_NOT_ALLOWED: "CONFLICT",
  /** Content not concrete enough to inspect (Law on Denunciations 2018, Art. 25(2)). */
  REFERRAL_NOT_ALLOWED: "CONFLICT",
  /** The step is dated before the previous one, or is not a real date. */
  DATE_OUT_OF_ORDER: "BAD_USER_INPUT",
  /** A value the transition takes is wrong for this petition (reason, outcome, days, round, ...). */
  INVALID_TRANSITION_INPUT: "BAD_USER_INPUT",
} as const;
export type PetitionRuleCode = keyof typeof PETITION_RULE_CODES;

export interface PetitionRuleDetails {
  transition: string;
  status?: PetitionStatus;
  kind?: PetitionKind;
  /** For BAD_USER_INPUT: the offending field of the transition's input ("on", "reason", "days", ...). */
  field?: string;
}

/**
 * A petition rule refused a step. Plain Error with a code, so the rules stay free of GraphQL;
 * messages name transitions, statuses and dates only, never a person or a petition's content.
 */
export class PetitionRuleError extends Error {
  override readonly name = "PetitionRuleError";
  readonly clientCode: (typeof PETITION_RULE_CODES)[PetitionRuleCode];

  constructor(
    readonly code: PetitionRuleCode,
    message: string,
    readonly details: PetitionRuleDetails,
  ) {
    super(message);
    this.clientCode = PETITION_RULE_CODES[code];
  }
}
