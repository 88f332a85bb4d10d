import type { Message } from "@danvan/kit/i18n";
import { REORGANISATION_2025 } from "@danvan/kit/units";
import { maxExtensions } from "../deadlines/due-dates.js";
import { petitionsMessage } from "../messages.js";
import type { ResolutionOutcome } from "./outcomes.js";
import { Complexity, PetitionKind, PetitionStatus } from "./petition-enums.js";
import type { PetitionState } from "./petition-state.js";
import { RefusalReason, type NotProcessableReason } from "./refusal-reasons.js";
import type { PetitionRuleCode } from "./rule-error.js";

/** A step in a petition's life, with what the step needs to know. */
export type Transition =
  | { type: "receive" }
  /** The acceptance decision may classify the case; its time limit follows from that. */
  | { type: "accept"; complexity?: Complexity }
  | { type: "refuseAcceptance"; reason: RefusalReason }
  | { type: "markNotProcessable"; reason: NotProcessableReason }
  | { type: "startVerification" }
  /** Days granted, 1–30; 30 when left out. */
  | { type: "extendDeadline"; days?: number }
  | { type: "resolve"; outcome: ResolutionOutcome }
  | WithdrawTransition
  /** The officer finds the content concrete: a named wrongdoer, concrete evidence, a basis to verify. */
  | { type: "referForInspection"; contentIsConcrete: boolean }
  /** Outside the Front's competence: forwarded to the competent state body (the body and basis are the caller's). */
  | { type: "forward" }
  /**
   * The 2025 reorganisation: a petition open on 2025-06-30 passes to the body of the unit that
   * took its commune, dated 2025-07-01; its status and deadlines stay (units/reorganisation.ts).
   */
  | { type: "reorganise" };

/**
 * A written withdrawal. The three flags are the cases in which a denunciation goes on although
 * the denouncer withdraws (Law on Denunciations 2018, Art. 33); a complaint has none (withdrawal.ts).
 */
export interface WithdrawTransition {
  type: "withdraw";
  inWriting: boolean;
  /** Only part of the content is withdrawn: the rest is still resolved. */
  partOnly?: boolean;
  /** Several people denounced together and others have not withdrawn. */
  otherDenouncersContinue?: boolean;
  /** The handler finds signs of a violation, or that the withdrawal was obtained by threat or bribe, or that the denunciation was used to slander. */
  handlerContinues?: boolean;
}

export type TransitionType = Transition["type"];

export const TRANSITION_TYPES: readonly TransitionType[] = [
  "receive",
  "accept",
  "refuseAcceptance",
  "markNotProcessable",
  "startVerification",
  "extendDeadline",
  "resolve",
  "withdraw",
  "referForInspection",
  "forward",
  "reorganise",
];

export interface TransitionRule {
  /** The statuses, per kind, a transition may start from; a kind left out may never take it. */
  readonly from: Readonly<Partial<Record<PetitionKind, readonly PetitionStatus[]>>>;
  /** The status it leads to; null: the status stays (an extension). A withdrawal may also leave it (withdrawal.ts). */
  readonly to: PetitionStatus | null;
  /**
   * A further condition on the petition itself, checked by `apply` and by `allowedTransitions`;
   * `why` is the refusal's message when it does not hold (it cites the law).
   */
  readonly guard?: { holds: (s: PetitionState) => boolean; code: PetitionRuleCode; why: Message };
  readonly law: string;
  /**
   * Recorded by the system, never asked for by a client: no mutation takes it and
   * `allowedTransitions` never offers it (the 2025 reorganisation).
   */
  readonly bySystem?: boolean;
}

const { RECEIVED, ACCEPTED, UNDER_VERIFICATION, NOT_ACCEPTED, NOT_PROCESSED_AS_DENUNCIATION } = PetitionStatus;
const OPEN = [RECEIVED, ACCEPTED, UNDER_VERIFICATION];

function everyKind(statuses: readonly PetitionStatus[]): Record<PetitionKind, readonly PetitionStatus[]> {
  return { COMPLAINT: statuses, DENUNCIATION: statuses, RECOMMENDATION: statuses, REFLECTION: statuses };
}

/**
 * The petition state machine (docs/product.md, "petitions"): RECEIVED → ACCEPTED (or NOT_ACCEPTED, or
 * for a denunciation NOT_PROCESSED_AS_DENUNCIATION) → UNDER_VERIFICATION → RESOLVED | WITHDRAWN,
 * with extensions and referral for inspection. `receive` creates a petition (petition-state.ts)
 * and is never a move from an existing status.
 */
export const TRANSITION_RULES: Readonly<Record<TransitionType, TransitionRule>> = {
  receive: { from: {}, to: RECEIVED, law: "registration on receipt" },
  accept: {
    from: everyKind([RECEIVED]),
    to: ACCEPTED,
    law: "Law on Complaints 2011, Art. 27 and 36; Law on Denunciations 2018, Art. 29; Law on Citizen Reception 2013, Art. 28",
  },
  refuseAcceptance: {
    from: everyKind([RECEIVED]),
    to: NOT_ACCEPTED,
    law: "Law on Complaints 2011, Art. 11 and 27; Law on Denunciations 2018, Art. 29; reasons in refusal-reasons.ts",
  },
  markNotProcessable: {
    from: { DENUNCIATION: [RECEIVED] },
    to: NOT_PROCESSED_AS_DENUNCIATION,
    law: "Law on Denunciations 2018, Art. 25(1): anonymous, unidentified, impersonated or informal denunciations are not processed under the law",
  },
  startVerification: {
    from: everyKind([ACCEPTED]),
    to: UNDER_VERIFICATION,
    law: "Law on Complaints 2011, Art. 29; Law on Denunciations 2018, Art. 31",
  },
  extendDeadline: {
    // Complaints have fixed, longer limits for complex and remote cases instead of extensions;
    // recommendations and reflections have no statutory limit to extend.
    from: { DENUNCIATION: [ACCEPTED, UNDER_VERIFICATION] },
    to: null,
    guard: {
      holds: (s) => s.extensionsUsed < maxExtensions(s),
      code: "EXTENSION_NOT_ALLOWED",
      why: petitionsMessage("noExtensionLeft"),
    },
    law: "Law on Denunciations 2011, Art. 21; Law on Denunciations 2018, Art. 30(2)–(4)",
  },
  resolve: {
    // A complaint or denunciation is decided on verified facts; a recommendation or reflection
    // may be answered straight away when nothing needs verifying.
    from: {
      COMPLAINT: [UNDER_VERIFICATION],
      DENUNCIATION: [UNDER_VERIFICATION],
      RECOMMENDATION: [ACCEPTED, UNDER_VERIFICATION],
      REFLECTION: [ACCEPTED, UNDER_VERIFICATION],
    },
    to: PetitionStatus.RESOLVED,
    law: "Law on Complaints 2011, Art. 31 and 40; Law on Denunciations 2018, Art. 35; Law on Citizen Reception 2013, Art. 28",
  },
  withdraw: {
    from: { COMPLAINT: OPEN, DENUNCIATION: OPEN },
    to: PetitionStatus.WITHDRAWN,
    law: "Law on Complaints 2011, Art. 10 (at any time, in writing); Law on Denunciations 2018, Art. 33 (before the conclusion, in writing)",
  },
  referForInspection: {
    from: { DENUNCIATION: [NOT_PROCESSED_AS_DENUNCIATION, NOT_ACCEPTED] },
    to: PetitionStatus.REFERRED_FOR_INSPECTION,
    guard: {
      holds: (s) => s.refusalReason !== RefusalReason.NOT_CONCRETE,
      code: "REFERRAL_NOT_ALLOWED",
      why: petitionsMessage("referralRefusedAsVague"),
    },
    law: "Law on Denunciations 2018, Art. 25(2): concrete content is inspected, or passed to the body that can inspect it",
  },
  forward: {
    // Competence is decided on receipt, before acceptance: an accepted case is the handler's own.
    from: everyKind([RECEIVED]),
    to: PetitionStatus.FORWARDED,
    law: "Law on Citizen Reception 2013, Art. 26(2)(b), 28(1)(d); Law on Complaints 2011, Art. 27; Law on Denunciations 2018, Art. 24(2): a petition outside the receiver's competence is passed to the competent body",
  },
  reorganise: {
    // Every open status, every kind: the case goes on where it stood, at the successor's body.
    from: everyKind(OPEN),
    to: null,
    guard: {
      holds: (s) => s.receivedOn < REORGANISATION_2025,
      code: "ILLEGAL_TRANSITION",
      why: petitionsMessage("reorganisedOnlyOldMap"),
    },
    bySystem: true,
    law: "Nghị quyết 202/2025/QH15 (An Giang and Kiên Giang form An Giang, code 91, from 2025-07-01) and Nghị quyết 1654/NQ-UBTVQH15 (the province's 102 commune-level units from 2025-07-01): a petition open at the change passes to the body of the unit that took its commune, its status and deadlines unchanged",
  },
};

/** True when the kind may take the transition from its current status (guards aside). */
export function startsFrom(state: Pick<PetitionState, "kind" | "status">, type: TransitionType): boolean {
  return TRANSITION_RULES[type].from[state.kind]?.includes(state.status) ?? false;
}

/** The transitions open to a petition now, in TRANSITION_TYPES order: what a client may offer (never a system step). */
export function allowedTransitions(state: PetitionState): TransitionType[] {
  return TRANSITION_TYPES.filter(
    (t) => !TRANSITION_RULES[t].bySystem && startsFrom(state, t) && (TRANSITION_RULES[t].guard?.holds(state) ?? true),
  );
}
