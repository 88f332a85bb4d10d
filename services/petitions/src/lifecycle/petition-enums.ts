/**
 * The words of the petition domain (docs/product.md, "petitions"). Plain TypeScript enums: the
 * GraphQL layer registers them (`registerEnumType`) where it exposes them, so this file
 * stays free of GraphQL. The allowed moves between statuses are in transition-rules.ts.
 */

/** Complaint ("khiếu nại"), denunciation ("tố cáo"), recommendation ("kiến nghị"), reflection ("phản ánh"). */
export enum PetitionKind {
  COMPLAINT = "COMPLAINT",
  DENUNCIATION = "DENUNCIATION",
  RECOMMENDATION = "RECOMMENDATION",
  REFLECTION = "REFLECTION",
}

export enum PetitionStatus {
  /** Received and registered; the acceptance decision ("thụ lý") is pending. */
  RECEIVED = "RECEIVED",
  /** Accepted for handling ("đã thụ lý"); the resolution deadline runs from this day. */
  ACCEPTED = "ACCEPTED",
  /** Refused acceptance with a coded reason (refusal-reasons.ts). */
  NOT_ACCEPTED = "NOT_ACCEPTED",
  /** Content being verified ("xác minh"). */
  UNDER_VERIFICATION = "UNDER_VERIFICATION",
  /** Decided (complaint), concluded (denunciation) or answered (recommendation, reflection). */
  RESOLVED = "RESOLVED",
  /** Withdrawn in writing by the complainant or denouncer; the case ends. */
  WITHDRAWN = "WITHDRAWN",
  /** Anonymous or under another's name: not processed as a denunciation (Law on Denunciations 2018, Art. 25(1)). */
  NOT_PROCESSED_AS_DENUNCIATION = "NOT_PROCESSED_AS_DENUNCIATION",
  /** Concrete content passed on for inspection ("thanh tra, kiểm tra") although not handled as a denunciation (Art. 25(2)). */
  REFERRED_FOR_INSPECTION = "REFERRED_FOR_INSPECTION",
  /**
   * Outside the Front's competence: forwarded (chuyển đơn) to the competent state body, whose answer
   * is then followed up (forwarding.ts); the Front's own handling ends.
   */
  FORWARDED = "FORWARDED",
}

/** Complaints only: first-round ("lần đầu") or second-round ("lần hai") complaint. */
export enum ComplaintRound {
  FIRST = "FIRST",
  SECOND = "SECOND",
}

/**
 * The handler's classification of the case ("vụ việc phức tạp", "đặc biệt phức tạp"); the
 * criteria are in the decrees (Decree 31/2019/NĐ-CP for denunciations), the model takes the
 * classification as given. The Law on Complaints knows only "complex", so an especially complex
 * complaint gets the complex time limit.
 */
export enum Complexity {
  NORMAL = "NORMAL",
  COMPLEX = "COMPLEX",
  ESPECIALLY_COMPLEX = "ESPECIALLY_COMPLEX",
}

/** Statuses in which a petition is still being handled; every other status is final. */
export const OPEN_STATUSES: readonly PetitionStatus[] = [
  PetitionStatus.RECEIVED,
  PetitionStatus.ACCEPTED,
  PetitionStatus.UNDER_VERIFICATION,
];

export function isOpen(status: PetitionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
