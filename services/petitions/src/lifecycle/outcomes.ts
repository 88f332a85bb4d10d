import { PetitionKind } from "./petition-enums.js";

/** How a petition was resolved. */
export enum ResolutionOutcome {
  /** The complaint or denunciation is right ("đúng"). */
  UPHELD = "UPHELD",
  /** Right in part ("đúng một phần"). */
  PARTLY_UPHELD = "PARTLY_UPHELD",
  /** Wrong ("sai toàn bộ", "tố cáo sai"). */
  REJECTED = "REJECTED",
  /** A recommendation or reflection has been answered; it is not a dispute with a winner. */
  ANSWERED = "ANSWERED",
}

const VERDICTS = [ResolutionOutcome.UPHELD, ResolutionOutcome.PARTLY_UPHELD, ResolutionOutcome.REJECTED];

/**
 * The outcomes each kind may end with. A complaint decision finds the complaint right, partly
 * right or wrong (Law on Complaints 2011, Art. 31 first round, Art. 40 second round); so does the
 * conclusion on a denunciation (Law on Denunciations 2018, Art. 35). Recommendations and
 * reflections are answered (Law on Citizen Reception 2013, Art. 28).
 */
export const OUTCOMES_BY_KIND: Readonly<Record<PetitionKind, readonly ResolutionOutcome[]>> = {
  COMPLAINT: VERDICTS,
  DENUNCIATION: VERDICTS,
  RECOMMENDATION: [ResolutionOutcome.ANSWERED],
  REFLECTION: [ResolutionOutcome.ANSWERED],
};
