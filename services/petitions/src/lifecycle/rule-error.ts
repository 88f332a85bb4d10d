import { translate, type Message } from "@danvan/kit/i18n";
import type { PetitionKind, PetitionStatus } from "./petition-enums.js";

/**
 * The codes a refused petition rule carries. Each maps to one client error code of the graph
 * (docs/graph-contract.md, "Conventions"), so a resolver can translate mechanically, e.g.
 * `new ConflictError(e.summary, { reason: e.code, ... })` for CONFLICT and
 * `BadUserInputError.field("input." + e.details.field, e.summary)` for BAD_USER_INPUT.
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
  /** The receipt date predates every act of the deadline table: no time limit can be set. */
  NO_RULE_IN_FORCE: "BAD_USER_INPUT",
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
 * A petition rule refused a step. Plain Error with a code, so the rules stay free of GraphQL.
 * `summary` is a catalogue message (src/messages.ts), rendered in the caller's language when the
 * answer is written: a sentence for the CONFLICT codes, a field message that follows the field's
 * path ("must not be before ...") for the BAD_USER_INPUT ones. It names kinds, statuses and
 * steps only, never a value the client sent, a person or a petition's content. `message` is its
 * English text, for logs.
 */
export class PetitionRuleError extends Error {
  override readonly name = "PetitionRuleError";
  readonly clientCode: (typeof PETITION_RULE_CODES)[PetitionRuleCode];

  constructor(
    readonly code: PetitionRuleCode,
    readonly summary: Message,
    readonly details: PetitionRuleDetails,
  ) {
    super(translate(summary, "en"));
    this.clientCode = PETITION_RULE_CODES[code];
  }
}
