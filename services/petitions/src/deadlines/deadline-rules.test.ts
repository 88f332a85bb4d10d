import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import { DEADLINE_RULES, type DeadlineStep } from "./deadline-rules.js";
import {
  acceptanceDueOn,
  deadlineRuleFor,
  dueOn,
  extensionsAllowed,
  legalBasisOf,
  NoRuleInForceError,
  resolutionDueOn,
  type DeadlineFacts,
} from "./due-dates.js";

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const { FIRST, SECOND } = ComplaintRound;
const { NORMAL, COMPLEX, ESPECIALLY_COMPLEX } = Complexity;

function facts(over: Partial<DeadlineFacts>): DeadlineFacts {
  const kind = over.kind ?? COMPLAINT;
  return {
    kind,
    round: kind === COMPLAINT ? FIRST : null,
    complexity: NORMAL,
    isRemoteArea: false,
    receivedOn: "2019-02-25",
    acceptedOn: null,
    extensionsUsed: 0,
    ...over,
  };
}

/**
 * Every row of the table with a petition it governs and the due date worked out by hand on the
 * calendar: the period's last day, then (calendar days) the next working day when that is a
 * weekend or holiday, or (working days) the N-th working day. Most end around Tết or a year end.
 */
const CASES: [id: string, step: DeadlineStep, f: Partial<DeadlineFacts>, due: string | null, why: string][] = [
  // Acceptance: counted from receipt.
  [
    "COMPLAINT_FIRST_ROUND_ACCEPTANCE",
    "ACCEPTANCE",
    { receivedOn: "2020-01-15" },
    "2020-01-30",
    "10 days → Sat 25/1/2020, Tết (23–29/1 off) → Thu 30/1",
  ],
  [
    "COMPLAINT_SECOND_ROUND_ACCEPTANCE",
    "ACCEPTANCE",
    { round: SECOND, receivedOn: "2016-12-22" },
    "2017-01-03",
    "10 days → Sun 1/1/2017, New Year taken on Mon 2/1 → Tue 3/1",
  ],
  [
    "DENUNCIATION_2011_ACCEPTANCE",
    "ACCEPTANCE",
    { kind: DENUNCIATION, receivedOn: "2018-02-05" },
    "2018-02-21",
    "2011 law, 10 days → Thu 15/2/2018, Tết (14–20/2 off) → Wed 21/2",
  ],
  [
    "DENUNCIATION_2011_ACCEPTANCE_SEVERAL_PLACES",
    "ACCEPTANCE",
    { kind: DENUNCIATION, complexity: COMPLEX, receivedOn: "2018-12-20" },
    "2019-01-04",
    "received in 2018: the 2011 law's 15 days, though they end in 2019",
  ],
  [
    "DENUNCIATION_ACCEPTANCE",
    "ACCEPTANCE",
    { kind: DENUNCIATION, receivedOn: "2019-01-28" },
    "2019-02-13",
    "7 working days: 29/1–1/2 (4), Tết 2–10/2 off, 11–13/2 (3)",
  ],
  [
    "DENUNCIATION_ACCEPTANCE_SEVERAL_PLACES",
    "ACCEPTANCE",
    { kind: DENUNCIATION, complexity: ESPECIALLY_COMPLEX, receivedOn: "2019-12-24" },
    "2020-01-08",
    "10 working days over the year end: 25, 26, 27, 30, 31/12, (1/1 off) 2, 3, 6, 7, 8/1",
  ],
  [
    "RECOMMENDATION_REFLECTION_ACCEPTANCE",
    "ACCEPTANCE",
    { kind: RECOMMENDATION, receivedOn: "2020-01-20" },
    "2020-02-10",
    "10 working days: 21, 22/1, Tết 23–29/1 off, 30, 31/1, 3–7/2, 10/2",
  ],
  // Resolution: counted from acceptance.
  [
    "COMPLAINT_FIRST_ROUND",
    "RESOLUTION",
    { receivedOn: "2019-11-25", acceptedOn: "2019-12-02" },
    "2020-01-02",
    "30 days → Wed 1/1/2020, New Year → Thu 2/1",
  ],
  [
    "COMPLAINT_FIRST_ROUND_COMPLEX",
    "RESOLUTION",
    { complexity: COMPLEX, receivedOn: "2019-12-02", acceptedOn: "2019-12-10" },
    "2020-01-30",
    "45 days → Fri 24/1/2020, Tết → Thu 30/1",
  ],
  [
    "COMPLAINT_FIRST_ROUND_REMOTE",
    "RESOLUTION",
    { isRemoteArea: true, receivedOn: "2019-02-25", acceptedOn: "2019-03-01" },
    "2019-04-16",
    "45 days → Mon 15/4/2019, Hùng Kings' day (Sun 14/4) taken that Monday → Tue 16/4",
  ],
  [
    "COMPLAINT_FIRST_ROUND_REMOTE_COMPLEX",
    "RESOLUTION",
    { isRemoteArea: true, complexity: COMPLEX, receivedOn: "2019-02-25", acceptedOn: "2019-03-01" },
    "2019-05-02",
    "60 days → Tue 30/4/2019, then 1/5 → Thu 2/5",
  ],
  [
    "COMPLAINT_SECOND_ROUND",
    "RESOLUTION",
    { round: SECOND, receivedOn: "2019-03-15", acceptedOn: "2019-03-20" },
    "2019-05-04",
    "45 days → Sat 4/5/2019, a Saturday declared a working day (swap for Mon 29/4)",
  ],
  [
    "COMPLAINT_SECOND_ROUND_COMPLEX",
    "RESOLUTION",
    { round: SECOND, complexity: COMPLEX, receivedOn: "2015-12-01", acceptedOn: "2015-12-10" },
    "2016-02-15",
    "60 days → Mon 8/2/2016, Tết (6–14/2 off) → Mon 15/2",
  ],
  [
    "COMPLAINT_SECOND_ROUND_REMOTE",
    "RESOLUTION",
    { round: SECOND, isRemoteArea: true, receivedOn: "2016-10-25", acceptedOn: "2016-11-02" },
    "2017-01-03",
    "60 days → Sun 1/1/2017 → (Mon 2/1 off) Tue 3/1",
  ],
  [
    "COMPLAINT_SECOND_ROUND_REMOTE_COMPLEX",
    "RESOLUTION",
    { round: SECOND, isRemoteArea: true, complexity: COMPLEX, receivedOn: "2017-10-16", acceptedOn: "2017-10-21" },
    "2018-01-02",
    "70 days → Sat 30/12/2017, Sun, New Year Mon 1/1 → Tue 2/1/2018",
  ],
  [
    "DENUNCIATION_2011",
    "RESOLUTION",
    { kind: DENUNCIATION, receivedOn: "2018-10-01", acceptedOn: "2018-10-10" },
    "2018-12-10",
    "2011 law, 60 days → Sun 9/12/2018 → Mon 10/12",
  ],
  [
    "DENUNCIATION_2011_COMPLEX",
    "RESOLUTION",
    { kind: DENUNCIATION, complexity: COMPLEX, receivedOn: "2018-11-01", acceptedOn: "2018-11-07" },
    "2019-02-11",
    "2011 law, complex: 90 days → Tue 5/2/2019, Tết (2–10/2 off) → Mon 11/2",
  ],
  [
    "DENUNCIATION",
    "RESOLUTION",
    { kind: DENUNCIATION, receivedOn: "2019-12-05", acceptedOn: "2019-12-26" },
    "2020-01-30",
    "30 days → Sat 25/1/2020, Tết → Thu 30/1",
  ],
  [
    "DENUNCIATION_COMPLEX",
    "RESOLUTION",
    { kind: DENUNCIATION, complexity: COMPLEX, receivedOn: "2019-11-25", acceptedOn: "2019-12-02" },
    "2020-01-02",
    "30 days → Wed 1/1/2020 → Thu 2/1",
  ],
  [
    "DENUNCIATION_ESPECIALLY_COMPLEX",
    "RESOLUTION",
    { kind: DENUNCIATION, complexity: ESPECIALLY_COMPLEX, receivedOn: "2019-11-20", acceptedOn: "2019-11-24" },
    "2019-12-24",
    "30 days → Tue 24/12/2019, a working day",
  ],
  [
    "RECOMMENDATION_REFLECTION_ANSWER",
    "RESOLUTION",
    { kind: REFLECTION, receivedOn: "2019-12-20", acceptedOn: "2019-12-30" },
    null,
    "no statutory limit",
  ],
  ["WITHDRAWN_COMPLAINT", "AFTER_WITHDRAWAL", { receivedOn: "2019-12-20" }, null, "handling stops"],
  [
    "WITHDRAWN_DENUNCIATION",
    "AFTER_WITHDRAWAL",
    { kind: DENUNCIATION, receivedOn: "2019-12-20" },
    null,
    "handling stops",
  ],
];

function due(step: DeadlineStep, f: DeadlineFacts): string | null {
  if (step === "ACCEPTANCE") return acceptanceDueOn(f);
  if (step === "RESOLUTION") return resolutionDueOn(f);
  return dueOn({ ...f, status: PetitionStatus.WITHDRAWN });
}

describe("DEADLINE_RULES: one petition per row, due dates around Tết and year ends", () => {
  for (const [id, step, over, expected, why] of CASES) {
    it(`${id}: ${why}`, () => {
      const f = facts(over);
      const rule = deadlineRuleFor(step, f);
      assert.equal(rule.id, id);
      assert.equal(due(step, f), expected);
      assert.match(rule.article, /^Art\. \d+/);
      assert.ok(f.receivedOn >= rule.act.from && (rule.act.until === null || f.receivedOn <= rule.act.until));
    });
  }

  it("has exactly the rows tested here (those from 1/7/2026 in deadline-rules-2026.test.ts), ids unique", () => {
    const before2026 = DEADLINE_RULES.filter((r) => r.act.from < "2026-07-01");
    assert.deepEqual(new Set(before2026.map((r) => r.id)), new Set(CASES.map((c) => c[0])));
    assert.equal(before2026.length, CASES.length);
    assert.equal(new Set(DEADLINE_RULES.map((r) => r.id)).size, DEADLINE_RULES.length);
  });

  it("counts working days only where the law says so (denunciations since 2019, recommendations and reflections, complaints' acceptance from 1/7/2026)", () => {
    const working = DEADLINE_RULES.filter((r) => r.counts === "WORKING").map((r) => r.id);
    assert.deepEqual(working, [
      "COMPLAINT_FIRST_ROUND_ACCEPTANCE_2026",
      "COMPLAINT_SECOND_ROUND_ACCEPTANCE_2026",
      "DENUNCIATION_ACCEPTANCE",
      "DENUNCIATION_ACCEPTANCE_SEVERAL_PLACES",
      "RECOMMENDATION_REFLECTION_ACCEPTANCE",
    ]);
  });

  it("has one row per step for every kind, round, complexity and area, on any receipt date the acts cover", () => {
    for (const receivedOn of [
      "2012-07-01",
      "2014-07-01",
      "2018-12-31",
      "2019-01-01",
      "2026-06-30",
      "2026-07-01",
      "2026-12-07",
    ]) {
      for (const kind of Object.values(PetitionKind)) {
        if (receivedOn < "2014-07-01" && (kind === RECOMMENDATION || kind === REFLECTION)) continue;
        for (const round of kind === COMPLAINT ? [FIRST, SECOND] : [null]) {
          for (const complexity of Object.values(Complexity)) {
            for (const isRemoteArea of [false, true]) {
              const f = facts({ kind, round, complexity, isRemoteArea, receivedOn });
              assert.doesNotThrow(() => deadlineRuleFor("RESOLUTION", f));
              assert.doesNotThrow(() => deadlineRuleFor("ACCEPTANCE", f));
            }
          }
        }
      }
    }
  });
});

describe("the law in force on the receipt date", () => {
  it("judges a denunciation received on 31/12/2018 by the 2011 law, one received on 1/1/2019 by the 2018 law", () => {
    const before = facts({ kind: DENUNCIATION, receivedOn: "2018-12-31", acceptedOn: "2019-01-07" });
    const after = facts({ kind: DENUNCIATION, receivedOn: "2019-01-01", acceptedOn: "2019-01-07" });
    assert.equal(deadlineRuleFor("RESOLUTION", before).id, "DENUNCIATION_2011");
    assert.equal(deadlineRuleFor("RESOLUTION", after).id, "DENUNCIATION");
    assert.equal(resolutionDueOn(before), "2019-03-08"); // 60 days
    assert.equal(resolutionDueOn(after), "2019-02-11"); // 30 days → Wed 6/2, Tết → Mon 11/2
  });

  it("gives the 2011 law's one extension (30 days, 60 when complex), the 2018 law's 0 / 1 / 2 of 30", () => {
    const of = (complexity: Complexity, receivedOn: string) =>
      extensionsAllowed(facts({ kind: DENUNCIATION, complexity, receivedOn }));
    assert.deepEqual(of(NORMAL, "2016-05-01"), { max: 1, days: 30 });
    assert.deepEqual(of(COMPLEX, "2016-05-01"), { max: 1, days: 60 });
    assert.deepEqual(of(ESPECIALLY_COMPLEX, "2016-05-01"), { max: 1, days: 60 });
    assert.deepEqual(
      [NORMAL, COMPLEX, ESPECIALLY_COMPLEX].map((c) => of(c, "2019-05-01").max),
      [0, 1, 2],
    );
    for (const kind of [COMPLAINT, RECOMMENDATION, REFLECTION]) {
      assert.equal(extensionsAllowed(facts({ kind, complexity: COMPLEX })).max, 0, kind);
    }
  });

  it("moves the due date by the extensions granted, then rolls it over", () => {
    const d2011 = facts({ kind: DENUNCIATION, receivedOn: "2018-10-01", acceptedOn: "2018-10-10", extensionsUsed: 1 });
    assert.equal(resolutionDueOn(d2011), "2019-01-08"); // 90 days, Tue
    const complex2011 = facts({
      kind: DENUNCIATION,
      complexity: COMPLEX,
      receivedOn: "2018-11-01",
      acceptedOn: "2018-11-07",
      extensionsUsed: 1,
    });
    assert.equal(resolutionDueOn(complex2011), "2019-04-08"); // 150 days → Sat 6/4 → Mon 8/4
    const especially = facts({
      kind: DENUNCIATION,
      complexity: ESPECIALLY_COMPLEX,
      receivedOn: "2019-11-20",
      acceptedOn: "2019-11-24",
      extensionsUsed: 2,
    });
    assert.equal(resolutionDueOn(especially), "2020-02-24"); // 90 days → Sat 22/2 → Mon 24/2
    assert.equal(resolutionDueOn({ ...especially, extendedDays: 37 }), "2020-01-30"); // 67 days → Thu 30/1, the first working day after Tết
  });

  it("refuses more extensions, or more days, than the law allows", () => {
    const f = facts({ kind: DENUNCIATION, receivedOn: "2019-03-01", acceptedOn: "2019-03-04" });
    assert.throws(() => resolutionDueOn({ ...f, extensionsUsed: 1 }), RangeError);
    assert.throws(() => resolutionDueOn({ ...f, complexity: COMPLEX, extensionsUsed: 2 }), RangeError);
    assert.throws(
      () => resolutionDueOn({ ...f, complexity: COMPLEX, extensionsUsed: 1, extendedDays: 31 }),
      RangeError,
    );
  });

  it("has no rule before the acts it encodes: complaints and denunciations before 1/7/2012, recommendations before 1/7/2014", () => {
    assert.throws(() => acceptanceDueOn(facts({ receivedOn: "2012-06-30" })), NoRuleInForceError);
    assert.equal(acceptanceDueOn(facts({ receivedOn: "2012-07-02" })), "2012-07-12");
    assert.throws(() => acceptanceDueOn(facts({ kind: REFLECTION, receivedOn: "2014-06-30" })), NoRuleInForceError);
  });

  it("refuses a complaint without a round", () => {
    assert.throws(() => resolutionDueOn(facts({ round: null, acceptedOn: "2019-03-01" })), RangeError);
  });
});

describe("dueOn and legalBasisOf: the deadline a status holds a petition to, and its source", () => {
  const received = facts({ receivedOn: "2020-01-15" });
  const accepted = facts({ receivedOn: "2019-11-25", acceptedOn: "2019-12-02" });
  it("is the acceptance deadline while RECEIVED, the resolution deadline once accepted and after resolution", () => {
    assert.equal(dueOn({ ...received, status: PetitionStatus.RECEIVED }), "2020-01-30");
    for (const status of [PetitionStatus.ACCEPTED, PetitionStatus.UNDER_VERIFICATION, PetitionStatus.RESOLVED]) {
      assert.equal(dueOn({ ...accepted, status }), "2020-01-02", status);
    }
  });
  it("is none once withdrawn, refused, not processed or referred", () => {
    for (const status of [
      PetitionStatus.WITHDRAWN,
      PetitionStatus.NOT_ACCEPTED,
      PetitionStatus.NOT_PROCESSED_AS_DENUNCIATION,
      PetitionStatus.REFERRED_FOR_INSPECTION,
    ]) {
      assert.equal(dueOn({ ...accepted, status }), null, status);
      assert.equal(legalBasisOf({ ...accepted, status, dueOn: null }), null, status);
    }
  });
  it("cites the act and article, and the Civil Code when the due date was rolled over", () => {
    const r = { ...received, status: PetitionStatus.RECEIVED, dueOn: "2020-01-30" };
    assert.equal(
      legalBasisOf(r),
      "Law on Complaints 2011 (02/2011/QH13), Art. 27; Civil Code 2015 (91/2015/QH13), Art. 148(5)",
    );
    const notRolled = facts({ receivedOn: "2019-03-01", acceptedOn: "2019-03-04" });
    assert.equal(
      legalBasisOf({ ...notRolled, status: PetitionStatus.ACCEPTED, dueOn: "2019-04-03" }),
      "Law on Complaints 2011 (02/2011/QH13), Art. 28",
    );
    const in2016 = facts({ round: SECOND, complexity: COMPLEX, receivedOn: "2015-12-01", acceptedOn: "2015-12-10" });
    assert.match(
      legalBasisOf({ ...in2016, status: PetitionStatus.ACCEPTED, dueOn: "2016-02-15" })!,
      /Art\. 37; Civil Code 2005 \(33\/2005\/QH11\), Art\. 153\(5\)$/,
    );
    const working = facts({ kind: DENUNCIATION, receivedOn: "2019-01-28" });
    assert.equal(
      legalBasisOf({ ...working, status: PetitionStatus.RECEIVED, dueOn: "2019-02-13" }),
      "Law on Denunciations 2018 (25/2018/QH14), Art. 24(1)",
    );
  });
});
