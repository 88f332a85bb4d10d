import { ComplaintRound, Complexity, PetitionKind } from "../lifecycle/petition-enums.js";

const COMPLAINTS = "Law on Complaints 2011 (02/2011/QH13)";
const DENUNCIATIONS = "Law on Denunciations 2018 (25/2018/QH14)";
const RECEPTION = "Law on Citizen Reception 2013 (42/2013/QH13)";

/** Which deadline a row sets: to decide on acceptance, to resolve, or none once withdrawn. */
export type DeadlineStep = "ACCEPTANCE" | "RESOLUTION" | "AFTER_WITHDRAWAL";

/**
 * One legal time limit. A row applies to a petition when its kind is listed and every criterion
 * the row states (round, complexity, remote area) matches; a criterion left out matches anything.
 */
export interface DeadlineRule {
  readonly id: string;
  readonly step: DeadlineStep;
  readonly kinds: readonly PetitionKind[];
  readonly round?: ComplaintRound;
  readonly complexities?: readonly Complexity[];
  /** The commune is in a remote area with difficult travel ("vùng sâu, vùng xa đi lại khó khăn"). */
  readonly remote?: boolean;
  /** Calendar days, counted from the day after `countsFrom`; null: the law sets no time limit. */
  readonly days: number | null;
  readonly countsFrom: "RECEIPT" | "ACCEPTANCE" | null;
  /** Extensions the handler may decide, each of at most `extensionDays`. */
  readonly maxExtensions: number;
  readonly extensionDays: number;
  /** The law and article the row encodes. */
  readonly law: string;
}

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const { FIRST, SECOND } = ComplaintRound;
const NOT_COMPLEX = [Complexity.NORMAL];
// The Law on Complaints has one "complex" tier; an especially complex complaint is at least complex.
const COMPLEX_COMPLAINT = [Complexity.COMPLEX, Complexity.ESPECIALLY_COMPLEX];

/** A complaint's resolution limit: fixed by round, complexity and remoteness, never extended. */
function complaint(
  id: string,
  when: { round: ComplaintRound; complex: boolean; remote: boolean },
  days: number,
  article: string,
): DeadlineRule {
  const which = [when.remote && "remote area", when.complex && "complex case"].filter(Boolean).join(", ");
  return {
    id,
    step: "RESOLUTION",
    kinds: [COMPLAINT],
    round: when.round,
    complexities: when.complex ? COMPLEX_COMPLAINT : NOT_COMPLEX,
    remote: when.remote,
    days,
    countsFrom: "ACCEPTANCE",
    maxExtensions: 0,
    extensionDays: 0,
    law: `${COMPLAINTS}, ${article}: ${which ? which + ", " : ""}at most ${days} days from acceptance`,
  };
}

/** A denunciation's resolution limit: 30 days, plus the extensions its complexity allows. */
function denunciation(id: string, complexity: Complexity, maxExtensions: number, article: string): DeadlineRule {
  return {
    id,
    step: "RESOLUTION",
    kinds: [DENUNCIATION],
    complexities: [complexity],
    days: 30,
    countsFrom: "ACCEPTANCE",
    maxExtensions,
    extensionDays: 30,
    law: `${DENUNCIATIONS}, ${article}: at most 30 days from acceptance, ${maxExtensions} extension(s) of at most 30 days each`,
  };
}

/**
 * Every legal time limit the model encodes (docs/product.md, "Legal rules the model encodes"), one row
 * each, the law beside it. Days are calendar days; a period "of N days from" an event starts the
 * day after it (Civil Code 2015, Art. 147), so the due date is the event's date plus N.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: "COMPLAINT_FIRST_ROUND_ACCEPTANCE",
    step: "ACCEPTANCE",
    kinds: [COMPLAINT],
    round: FIRST,
    days: 10,
    countsFrom: "RECEIPT",
    maxExtensions: 0,
    extensionDays: 0,
    law: `${COMPLAINTS}, Art. 27: accept (or refuse, with reasons) within 10 days of receipt`,
  },
  {
    id: "COMPLAINT_SECOND_ROUND_ACCEPTANCE",
    step: "ACCEPTANCE",
    kinds: [COMPLAINT],
    round: SECOND,
    days: 10,
    countsFrom: "RECEIPT",
    maxExtensions: 0,
    extensionDays: 0,
    law: `${COMPLAINTS}, Art. 36: the second-round handler accepts within 10 days of receipt`,
  },
  {
    id: "DENUNCIATION_ACCEPTANCE",
    step: "ACCEPTANCE",
    kinds: [DENUNCIATION],
    days: 10,
    countsFrom: "RECEIPT",
    maxExtensions: 0,
    extensionDays: 0,
    // The law counts working days (7, or 10 where checks are needed at several places); the model
    // has no holiday calendar, so it uses docs/product.md's 10 calendar days for every kind.
    law: `${DENUNCIATIONS}, Art. 24(1): register, classify and decide on acceptance within 7 working days (10 where checks are needed at several places); modelled as 10 calendar days`,
  },
  {
    id: "RECOMMENDATION_REFLECTION_ACCEPTANCE",
    step: "ACCEPTANCE",
    kinds: [RECOMMENDATION, REFLECTION],
    days: 10,
    countsFrom: "RECEIPT",
    maxExtensions: 0,
    extensionDays: 0,
    law: `${RECEPTION}, Art. 28: tell the citizen within 10 working days whether the matter is accepted or forwarded; modelled as 10 calendar days`,
  },

  complaint("COMPLAINT_FIRST_ROUND", { round: FIRST, complex: false, remote: false }, 30, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_COMPLEX", { round: FIRST, complex: true, remote: false }, 45, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_REMOTE", { round: FIRST, complex: false, remote: true }, 45, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_REMOTE_COMPLEX", { round: FIRST, complex: true, remote: true }, 60, "Art. 28"),

  complaint("COMPLAINT_SECOND_ROUND", { round: SECOND, complex: false, remote: false }, 45, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_COMPLEX", { round: SECOND, complex: true, remote: false }, 60, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_REMOTE", { round: SECOND, complex: false, remote: true }, 60, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_REMOTE_COMPLEX", { round: SECOND, complex: true, remote: true }, 70, "Art. 37"),

  denunciation("DENUNCIATION", Complexity.NORMAL, 0, "Art. 30(1)"),
  denunciation("DENUNCIATION_COMPLEX", Complexity.COMPLEX, 1, "Art. 30(2)"),
  denunciation("DENUNCIATION_ESPECIALLY_COMPLEX", Complexity.ESPECIALLY_COMPLEX, 2, "Art. 30(3)"),

  {
    id: "RECOMMENDATION_REFLECTION_ANSWER",
    step: "RESOLUTION",
    kinds: [RECOMMENDATION, REFLECTION],
    // Recommendations and reflections are answered, not decided as disputes: the reception law
    // fixes only the notice of acceptance (row above). No statutory time limit is invented here.
    days: null,
    countsFrom: null,
    maxExtensions: 0,
    extensionDays: 0,
    law: `${RECEPTION}, Art. 28: no statutory time limit for the answer itself`,
  },
  {
    id: "WITHDRAWN",
    step: "AFTER_WITHDRAWAL",
    kinds: [COMPLAINT, DENUNCIATION],
    days: null,
    countsFrom: null,
    maxExtensions: 0,
    extensionDays: 0,
    law: `${COMPLAINTS}, Art. 10: a complaint may be withdrawn at any time, in writing, and its handling stops; ${DENUNCIATIONS}, Art. 33: withdrawing the whole denunciation before the conclusion stops its handling`,
  },
];
