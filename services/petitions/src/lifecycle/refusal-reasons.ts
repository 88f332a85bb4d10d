import { PetitionKind } from "./petition-enums.js";

const COMPLAINTS = "Law on Complaints 2011";
const DENUNCIATIONS = "Law on Denunciations 2018";
const RECEPTION = "Law on Citizen Reception 2013";

/** Why a petition is not accepted ("không thụ lý"): the grounds the laws list, coded. */
export enum RefusalReason {
  /** Not for this body to decide; the petition is returned or forwarded to the one that is. */
  NOT_WITHIN_COMPETENCE = "NOT_WITHIN_COMPETENCE",
  /** An internal, normative or state-secret decision, which cannot be complained of. */
  NOT_COMPLAINABLE_DECISION = "NOT_COMPLAINABLE_DECISION",
  /** The decision or act complained of does not touch the complainant's own rights. */
  NOT_DIRECTLY_AFFECTED = "NOT_DIRECTLY_AFFECTED",
  /** The petitioner lacks full civil capacity and has no lawful representative. */
  INCAPACITY_NO_REPRESENTATIVE = "INCAPACITY_NO_REPRESENTATIVE",
  /** Lodged by a representative who is not a lawful one. */
  UNLAWFUL_REPRESENTATIVE = "UNLAWFUL_REPRESENTATIVE",
  /** A complaint without the complainant's signature or fingerprint, or under another's name. */
  ANONYMOUS_OR_IMPERSONATED = "ANONYMOUS_OR_IMPERSONATED",
  /** A denunciation letter lacking what Art. 23 requires (date, how to reach the denouncer, the act denounced, signature). */
  FORM_NOT_MET = "FORM_NOT_MET",
  /** The time limit to complain has passed with no valid excuse. */
  OUT_OF_TIME_LIMIT = "OUT_OF_TIME_LIMIT",
  /** Already finally decided: a second-round decision exists, or the denunciation was lawfully concluded. */
  ALREADY_RESOLVED_FINAL = "ALREADY_RESOLVED_FINAL",
  /** Handling was suspended and the complainant did not pursue it within 30 days of the notice. */
  SUSPENDED_NOT_PURSUED = "SUSPENDED_NOT_PURSUED",
  /** A court has accepted or judged the matter. */
  BEFORE_COURT = "BEFORE_COURT",
  /** No basis to identify who broke the law or how. */
  NOT_CONCRETE = "NOT_CONCRETE",
}

/** The kinds each reason may be given for, and the article that allows it. */
export const REFUSAL_REASONS: Readonly<Record<RefusalReason, { appliesTo: readonly PetitionKind[]; law: string }>> = {
  NOT_WITHIN_COMPETENCE: {
    appliesTo: Object.values(PetitionKind),
    law: `${COMPLAINTS}, Art. 27 (only complaints within one's competence are accepted); ${DENUNCIATIONS}, Art. 29(1)(c); ${RECEPTION}, Art. 28 (forwarded to the competent body)`,
  },
  NOT_COMPLAINABLE_DECISION: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(1)` },
  NOT_DIRECTLY_AFFECTED: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(2)` },
  INCAPACITY_NO_REPRESENTATIVE: {
    appliesTo: [PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION],
    law: `${COMPLAINTS}, Art. 11(3); ${DENUNCIATIONS}, Art. 29(1)(b)`,
  },
  UNLAWFUL_REPRESENTATIVE: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(4)` },
  // A denunciation that is anonymous or under another's name is not refused but "not processed"
  // (its own status, markNotProcessable), because Art. 25(2) still lets its content be inspected.
  ANONYMOUS_OR_IMPERSONATED: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(5)` },
  FORM_NOT_MET: { appliesTo: [PetitionKind.DENUNCIATION], law: `${DENUNCIATIONS}, Art. 29(1)(a) and Art. 23` },
  OUT_OF_TIME_LIMIT: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(6) (time limit of Art. 9)` },
  ALREADY_RESOLVED_FINAL: {
    appliesTo: [PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION],
    law: `${COMPLAINTS}, Art. 11(7); ${DENUNCIATIONS}, Art. 37 (a matter lawfully concluded is not resolved again)`,
  },
  SUSPENDED_NOT_PURSUED: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(8)` },
  BEFORE_COURT: { appliesTo: [PetitionKind.COMPLAINT], law: `${COMPLAINTS}, Art. 11(9)` },
  NOT_CONCRETE: { appliesTo: [PetitionKind.DENUNCIATION], law: `${DENUNCIATIONS}, Art. 29(1)(d)` },
};

/**
 * Why information with the content of a denunciation is not processed as one (Law on
 * Denunciations 2018, Art. 25(1)): the four cases the article lists.
 */
export enum NotProcessableReason {
  /** No name or address of the denouncer. */
  ANONYMOUS = "ANONYMOUS",
  /** Checks could not establish who the denouncer is. */
  DENOUNCER_UNIDENTIFIED = "DENOUNCER_UNIDENTIFIED",
  /** Made under another person's name. */
  IMPERSONATED = "IMPERSONATED",
  /** Not made in a form of Art. 22 (a letter, or in person at the competent body). */
  NOT_IN_LEGAL_FORM = "NOT_IN_LEGAL_FORM",
}
