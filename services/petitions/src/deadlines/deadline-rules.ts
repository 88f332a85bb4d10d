import { ComplaintRound, Complexity, PetitionKind } from "../lifecycle/petition-enums.js";

/** An act, with the dates it is in force (inclusive; `until` null: still in force). */
export interface Act {
  readonly name: string;
  readonly from: string;
  readonly until: string | null;
}

export const COMPLAINTS_2011: Act = { name: "Law on Complaints 2011 (02/2011/QH13)", from: "2012-07-01", until: null };
export const DENUNCIATIONS_2011: Act = {
  name: "Law on Denunciations 2011 (03/2011/QH13)",
  from: "2012-07-01",
  until: "2018-12-31",
};
export const DENUNCIATIONS_2018: Act = {
  name: "Law on Denunciations 2018 (25/2018/QH14)",
  from: "2019-01-01",
  until: null,
};
export const RECEPTION_2013: Act = {
  name: "Law on Citizen Reception 2013 (42/2013/QH13)",
  from: "2014-07-01",
  until: null,
};
/** The Law on Complaints' own limits to accept (Art. 27, 36), for complaints received before 1/7/2026. */
export const COMPLAINTS_2011_TO_2026: Act = { ...COMPLAINTS_2011, until: "2026-06-30" };
/**
 * Decree 124/2020/NĐ-CP detailing the Law on Complaints, its Art. 16(1) as Decree 155/2026/NĐ-CP
 * (Art. 10) words it from 1/7/2026, the day Law 136/2025/QH15 amending the Law takes effect.
 */
export const COMPLAINTS_DECREE_2026: Act = {
  name: "Decree 124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP",
  from: "2026-07-01",
  until: null,
};

/** Which deadline a row sets: to decide on acceptance, to resolve, or none once withdrawn. */
export type DeadlineStep = "ACCEPTANCE" | "RESOLUTION" | "AFTER_WITHDRAWAL";

/** Calendar days (the due date then rolls over a weekend or holiday) or working days. */
export type DayCount = "CALENDAR" | "WORKING";

/**
 * One legal time limit. A row applies to a petition received while its act is in force when its
 * kind is listed and every criterion the row states (round, complexity, remote area) matches; a
 * criterion left out matches anything.
 */
export interface DeadlineRule {
  readonly id: string;
  readonly step: DeadlineStep;
  /** The act, in force on the petition's receipt date (a petition is judged by the law of that day). */
  readonly act: Act;
  readonly article: string;
  readonly counts: DayCount;
  readonly kinds: readonly PetitionKind[];
  readonly round?: ComplaintRound;
  readonly complexities?: readonly Complexity[];
  /** The commune is in a remote area with difficult travel ("vùng sâu, vùng xa đi lại khó khăn"). */
  readonly remote?: boolean;
  /** Days, counted from the day after `countsFrom`; null: the law sets no time limit. */
  readonly days: number | null;
  readonly countsFrom: "RECEIPT" | "ACCEPTANCE" | null;
  /** Extensions the handler may decide, each of at most `extensionDays` calendar days. */
  readonly maxExtensions: number;
  readonly extensionDays: number;
  /** What the row encodes, in words. */
  readonly law: string;
}

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const { FIRST, SECOND } = ComplaintRound;
const { NORMAL, COMPLEX, ESPECIALLY_COMPLEX } = Complexity;
const NOT_COMPLEX = [NORMAL];
// The Law on Complaints and the 2011 Law on Denunciations have one "complex" tier; an especially
// complex case is at least complex.
const COMPLEX_OR_MORE = [COMPLEX, ESPECIALLY_COMPLEX];
const NO_EXTENSION = { maxExtensions: 0, extensionDays: 0 } as const;

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
    act: COMPLAINTS_2011,
    article,
    counts: "CALENDAR",
    kinds: [COMPLAINT],
    round: when.round,
    complexities: when.complex ? COMPLEX_OR_MORE : NOT_COMPLEX,
    remote: when.remote,
    days,
    countsFrom: "ACCEPTANCE",
    ...NO_EXTENSION,
    law: `${which ? which + ": " : ""}at most ${days} days from acceptance`,
  };
}

/** A denunciation's resolution limit under the 2018 law: 30 days, plus the extensions its complexity allows. */
function denunciation2018(id: string, complexity: Complexity, maxExtensions: number, article: string): DeadlineRule {
  return {
    id,
    step: "RESOLUTION",
    act: DENUNCIATIONS_2018,
    article,
    counts: "CALENDAR",
    kinds: [DENUNCIATION],
    complexities: [complexity],
    days: 30,
    countsFrom: "ACCEPTANCE",
    maxExtensions,
    extensionDays: 30,
    law: `at most 30 days from acceptance, ${maxExtensions} extension(s) of at most 30 days each`,
  };
}

/** The limit to decide on acceptance, counted from receipt. */
function acceptance(
  id: string,
  act: Act,
  article: string,
  counts: DayCount,
  days: number,
  which: Pick<DeadlineRule, "kinds" | "round" | "complexities">,
  law: string,
): DeadlineRule {
  return { id, step: "ACCEPTANCE", act, article, counts, days, countsFrom: "RECEIPT", ...NO_EXTENSION, ...which, law };
}

/**
 * Every legal time limit the model encodes (docs/product.md, "Legal rules the model encodes"), one row
 * each, with its act, article and the dates the act is in force. A period "of N days from" an event
 * starts the day after it (Civil Code 2015, Art. 147; Civil Code 2005, Art. 152): N calendar days end on
 * the event's date + N, rolled over to the next working day when that is a weekend or holiday
 * (Civil Code 2015, Art. 148(5), from 2017-01-01; Civil Code 2005, Art. 153(5), before); N working days
 * end on the N-th working day after the event.
 *
 * "Several places to verify" (the longer acceptance limits of the Law on Denunciations) is not
 * recorded as such: a denunciation classified complex or especially complex at receipt is taken to need it.
 *
 * Articles checked against the acts' texts as the Pháp điển codifies them (read in the public
 * repository diepxuan/diepxuan.github.io, van-ban/khieu-nai-to-cao/khieu-nai.md, to-cao.md and
 * tiep-cong-dan.md, snapshot of July 2026):
 * - Law on Complaints 2011: Art. 9 (90 days to complain), Art. 10 (withdrawal at any time, in
 *   writing), Art. 27 ("trong thời hạn 10 ngày, kể từ ngày nhận được khiếu nại ... phải thụ lý"),
 *   Art. 28 (30 days from acceptance, complex 45; remote area 45, complex 60), Art. 33 (second
 *   round within 30 days, 45 in a remote area), Art. 36 (10 days), Art. 37 (45 / 60; remote 60 / 70).
 * - Law on Denunciations 2011, Art. 20(1)(a) (repealed; read on hethongphapluat.vn): 10 days from
 *   receipt to check and decide on acceptance, "không quá 15 ngày" where several places are checked.
 * - Law on Denunciations 2018, Art. 24(1): "Trong thời hạn 07 ngày làm việc kể từ ngày nhận được
 *   tố cáo ... vào sổ, phân loại, xử lý ban đầu ..., kiểm tra, xác minh ... điều kiện thụ lý";
 *   several places or verification delegated: "không quá 10 ngày làm việc" (Art. 24(2): 05
 *   working days to pass one outside one's competence on). Art. 30: (1) at most 30 days from
 *   acceptance, (2) a complex case extended once by at most 30, (3) an especially complex case
 *   twice by at most 30 each. Art. 33: withdrawal before the conclusion, in writing.
 * - Law on Citizen Reception 2013, Art. 28(1): "Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp
 *   nhận nội dung ... kiến nghị, phản ánh", the receiver answers or tells the citizen in writing
 *   whether it was accepted, refused, or passed to the competent body; no time limit for the
 *   answer itself.
 * From 1/7/2026 (complaints received from that day): Decree 155/2026/NĐ-CP of 15/5/2026, Art. 10,
 * rewords Decree 124/2020/NĐ-CP, Art. 16(1): "Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được
 * khiếu nại ... người có thẩm quyền giải quyết khiếu nại lần đầu hoặc lần hai phải thụ lý giải quyết"
 * (read in diepxuan/diepxuan.github.io, van-ban/tu-phap/nghi-dinh-155-2026-nd-cp-sua-doi-luat-khieu-nai.md,
 * transcribed from vanban.chinhphu.vn; Art. 21: in force 1/7/2026). Law 136/2025/QH15 (passed
 * 10/12/2025, in force 1/7/2026) amends the three acts; only its opening was read, and the press
 * summaries read name no change to any period above. NOT CONFIRMED: whether the Law itself rewrites
 * Art. 27 and 36 (and so whether the 10-day rows end for that reason), and that Art. 9, 28, 33 and 37
 * of the Law on Complaints, Art. 24 and 30 of the Law on Denunciations and Art. 28 of the Law on
 * Citizen Reception are unchanged: those rows stay as they were. Not modelled: its new Art. 11a
 * (the days a resolution is suspended do not count; Decree 155, Art. 28b).
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  acceptance(
    "COMPLAINT_FIRST_ROUND_ACCEPTANCE",
    COMPLAINTS_2011_TO_2026,
    "Art. 27",
    "CALENDAR",
    10,
    { kinds: [COMPLAINT], round: FIRST },
    "accept (or refuse, with reasons) within 10 days of receipt",
  ),
  acceptance(
    "COMPLAINT_SECOND_ROUND_ACCEPTANCE",
    COMPLAINTS_2011_TO_2026,
    "Art. 36",
    "CALENDAR",
    10,
    { kinds: [COMPLAINT], round: SECOND },
    "the second-round handler accepts within 10 days of receipt",
  ),
  acceptance(
    "COMPLAINT_FIRST_ROUND_ACCEPTANCE_2026",
    COMPLAINTS_DECREE_2026,
    "Art. 16(1)",
    "WORKING",
    7,
    { kinds: [COMPLAINT], round: FIRST },
    "accept (or refuse, with reasons) within 7 working days of receipt",
  ),
  acceptance(
    "COMPLAINT_SECOND_ROUND_ACCEPTANCE_2026",
    COMPLAINTS_DECREE_2026,
    "Art. 16(1)",
    "WORKING",
    7,
    { kinds: [COMPLAINT], round: SECOND },
    "the second-round handler accepts within 7 working days of receipt",
  ),
  acceptance(
    "DENUNCIATION_2011_ACCEPTANCE",
    DENUNCIATIONS_2011,
    "Art. 20(1)(a)",
    "CALENDAR",
    10,
    { kinds: [DENUNCIATION], complexities: NOT_COMPLEX },
    "check the denouncer and decide on acceptance within 10 days of receipt",
  ),
  acceptance(
    "DENUNCIATION_2011_ACCEPTANCE_SEVERAL_PLACES",
    DENUNCIATIONS_2011,
    "Art. 20(1)(a)",
    "CALENDAR",
    15,
    { kinds: [DENUNCIATION], complexities: COMPLEX_OR_MORE },
    "where checks are needed at several places, at most 15 days of receipt",
  ),
  acceptance(
    "DENUNCIATION_ACCEPTANCE",
    DENUNCIATIONS_2018,
    "Art. 24(1)",
    "WORKING",
    7,
    { kinds: [DENUNCIATION], complexities: NOT_COMPLEX },
    "register, classify and decide on acceptance within 7 working days of receipt",
  ),
  acceptance(
    "DENUNCIATION_ACCEPTANCE_SEVERAL_PLACES",
    DENUNCIATIONS_2018,
    "Art. 24(1)",
    "WORKING",
    10,
    { kinds: [DENUNCIATION], complexities: COMPLEX_OR_MORE },
    "where checks are needed at several places, at most 10 working days of receipt",
  ),
  acceptance(
    "RECOMMENDATION_REFLECTION_ACCEPTANCE",
    RECEPTION_2013,
    "Art. 28",
    "WORKING",
    10,
    { kinds: [RECOMMENDATION, REFLECTION] },
    "tell the citizen within 10 working days whether the matter is accepted or forwarded",
  ),

  complaint("COMPLAINT_FIRST_ROUND", { round: FIRST, complex: false, remote: false }, 30, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_COMPLEX", { round: FIRST, complex: true, remote: false }, 45, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_REMOTE", { round: FIRST, complex: false, remote: true }, 45, "Art. 28"),
  complaint("COMPLAINT_FIRST_ROUND_REMOTE_COMPLEX", { round: FIRST, complex: true, remote: true }, 60, "Art. 28"),

  complaint("COMPLAINT_SECOND_ROUND", { round: SECOND, complex: false, remote: false }, 45, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_COMPLEX", { round: SECOND, complex: true, remote: false }, 60, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_REMOTE", { round: SECOND, complex: false, remote: true }, 60, "Art. 37"),
  complaint("COMPLAINT_SECOND_ROUND_REMOTE_COMPLEX", { round: SECOND, complex: true, remote: true }, 70, "Art. 37"),

  {
    id: "DENUNCIATION_2011",
    step: "RESOLUTION",
    act: DENUNCIATIONS_2011,
    article: "Art. 21",
    counts: "CALENDAR",
    kinds: [DENUNCIATION],
    complexities: NOT_COMPLEX,
    days: 60,
    countsFrom: "ACCEPTANCE",
    maxExtensions: 1,
    extensionDays: 30,
    law: "at most 60 days from acceptance, one extension of at most 30 days",
  },
  {
    id: "DENUNCIATION_2011_COMPLEX",
    step: "RESOLUTION",
    act: DENUNCIATIONS_2011,
    article: "Art. 21",
    counts: "CALENDAR",
    kinds: [DENUNCIATION],
    complexities: COMPLEX_OR_MORE,
    days: 90,
    countsFrom: "ACCEPTANCE",
    maxExtensions: 1,
    extensionDays: 60,
    law: "a complex case: at most 90 days from acceptance, one extension of at most 60 days",
  },
  denunciation2018("DENUNCIATION", NORMAL, 0, "Art. 30(1)"),
  denunciation2018("DENUNCIATION_COMPLEX", COMPLEX, 1, "Art. 30(2)"),
  denunciation2018("DENUNCIATION_ESPECIALLY_COMPLEX", ESPECIALLY_COMPLEX, 2, "Art. 30(3)"),

  {
    id: "RECOMMENDATION_REFLECTION_ANSWER",
    step: "RESOLUTION",
    act: RECEPTION_2013,
    article: "Art. 28",
    counts: "CALENDAR",
    kinds: [RECOMMENDATION, REFLECTION],
    // Recommendations and reflections are answered, not decided as disputes: the reception law
    // fixes only the notice of acceptance (row above). No statutory time limit is invented here.
    days: null,
    countsFrom: null,
    ...NO_EXTENSION,
    law: "no statutory time limit for the answer itself",
  },
  {
    id: "WITHDRAWN_COMPLAINT",
    step: "AFTER_WITHDRAWAL",
    act: COMPLAINTS_2011,
    article: "Art. 10",
    counts: "CALENDAR",
    kinds: [COMPLAINT],
    days: null,
    countsFrom: null,
    ...NO_EXTENSION,
    law: "a complaint may be withdrawn at any time, in writing, and its handling stops",
  },
  {
    id: "WITHDRAWN_DENUNCIATION",
    step: "AFTER_WITHDRAWAL",
    act: DENUNCIATIONS_2018,
    article: "Art. 33",
    counts: "CALENDAR",
    kinds: [DENUNCIATION],
    days: null,
    countsFrom: null,
    ...NO_EXTENSION,
    law: "withdrawing the whole denunciation before the conclusion stops its handling",
  },
];

/** True when the act is in force on `date`. */
export function inForce(act: Act, date: string): boolean {
  return date >= act.from && (act.until === null || date <= act.until);
}

/** "Act, Art. N" — what `Petition.legalBasis` shows. */
export function citation(rule: Pick<DeadlineRule, "act" | "article">): string {
  return `${rule.act.name}, ${rule.article}`;
}
