import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import { DEADLINE_RULES } from "./deadline-rules.js";
import {
  acceptanceDueOn,
  deadlineRuleFor,
  dueOn,
  maxExtensions,
  resolutionDueOn,
  type DeadlineFacts,
} from "./due-dates.js";

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const { FIRST, SECOND } = ComplaintRound;
const { NORMAL, COMPLEX, ESPECIALLY_COMPLEX } = Complexity;
const ACCEPTED_ON = "2019-03-01";

function facts(over: Partial<DeadlineFacts>): DeadlineFacts {
  const kind = over.kind ?? COMPLAINT;
  return {
    kind,
    round: kind === COMPLAINT ? FIRST : null,
    complexity: NORMAL,
    isRemoteArea: false,
    receivedOn: "2019-02-25",
    acceptedOn: ACCEPTED_ON,
    extensionsUsed: 0,
    ...over,
  };
}

/**
 * Every row of the table, written out by hand from docs/product.md and the laws: the row, a petition it
 * governs, and the due date that petition gets. A changed number in DEADLINE_RULES fails here.
 */
const RESOLUTION_CASES: [id: string, f: Partial<DeadlineFacts>, days: number | null, due: string | null][] = [
  ["COMPLAINT_FIRST_ROUND", { round: FIRST }, 30, "2019-03-31"],
  ["COMPLAINT_FIRST_ROUND_COMPLEX", { round: FIRST, complexity: COMPLEX }, 45, "2019-04-15"],
  ["COMPLAINT_FIRST_ROUND_REMOTE", { round: FIRST, isRemoteArea: true }, 45, "2019-04-15"],
  ["COMPLAINT_FIRST_ROUND_REMOTE_COMPLEX", { round: FIRST, complexity: COMPLEX, isRemoteArea: true }, 60, "2019-04-30"],
  ["COMPLAINT_SECOND_ROUND", { round: SECOND }, 45, "2019-04-15"],
  ["COMPLAINT_SECOND_ROUND_COMPLEX", { round: SECOND, complexity: COMPLEX }, 60, "2019-04-30"],
  ["COMPLAINT_SECOND_ROUND_REMOTE", { round: SECOND, isRemoteArea: true }, 60, "2019-04-30"],
  [
    "COMPLAINT_SECOND_ROUND_REMOTE_COMPLEX",
    { round: SECOND, complexity: COMPLEX, isRemoteArea: true },
    70,
    "2019-05-10",
  ],
  ["DENUNCIATION", { kind: DENUNCIATION }, 30, "2019-03-31"],
  ["DENUNCIATION_COMPLEX", { kind: DENUNCIATION, complexity: COMPLEX }, 30, "2019-03-31"],
  ["DENUNCIATION_ESPECIALLY_COMPLEX", { kind: DENUNCIATION, complexity: ESPECIALLY_COMPLEX }, 30, "2019-03-31"],
  ["RECOMMENDATION_REFLECTION_ANSWER", { kind: RECOMMENDATION }, null, null],
];

const ACCEPTANCE_CASES: [id: string, kind: PetitionKind, round: ComplaintRound | null][] = [
  ["COMPLAINT_FIRST_ROUND_ACCEPTANCE", COMPLAINT, FIRST],
  ["COMPLAINT_SECOND_ROUND_ACCEPTANCE", COMPLAINT, SECOND],
  ["DENUNCIATION_ACCEPTANCE", DENUNCIATION, null],
  ["RECOMMENDATION_REFLECTION_ACCEPTANCE", RECOMMENDATION, null],
  ["RECOMMENDATION_REFLECTION_ACCEPTANCE", REFLECTION, null],
];

describe("DEADLINE_RULES: resolution time limits", () => {
  for (const [id, over, days, due] of RESOLUTION_CASES) {
    it(`${id}: ${days ?? "no"} days from acceptance → due ${due}`, () => {
      const f = facts(over);
      const rule = deadlineRuleFor("RESOLUTION", f);
      assert.equal(rule.id, id);
      assert.equal(rule.days, days);
      assert.equal(resolutionDueOn(f), due);
      assert.match(rule.law, /Law on (Complaints 2011|Denunciations 2018|Citizen Reception 2013).*Art\. \d+/);
    });
  }

  it("gives an especially complex complaint the complex limit (the Law on Complaints has one tier)", () => {
    assert.equal(resolutionDueOn(facts({ complexity: ESPECIALLY_COMPLEX })), "2019-04-15");
    assert.equal(
      resolutionDueOn(facts({ round: SECOND, complexity: ESPECIALLY_COMPLEX, isRemoteArea: true })),
      "2019-05-10",
    );
  });

  it("ignores remoteness for denunciations and recommendations", () => {
    assert.equal(resolutionDueOn(facts({ kind: DENUNCIATION, isRemoteArea: true })), "2019-03-31");
    assert.equal(resolutionDueOn(facts({ kind: REFLECTION, isRemoteArea: true })), null);
  });

  it("has no resolution deadline before acceptance", () => {
    assert.equal(resolutionDueOn(facts({ acceptedOn: null })), null);
  });
});

describe("DEADLINE_RULES: denunciation extensions (Law on Denunciations 2018, Art. 30)", () => {
  it("allows 0 extensions for a normal case, 1 for a complex one, 2 for an especially complex one", () => {
    assert.deepEqual(
      [NORMAL, COMPLEX, ESPECIALLY_COMPLEX].map((c) => maxExtensions(DENUNCIATION, c)),
      [0, 1, 2],
    );
  });

  it("never extends complaints, recommendations or reflections", () => {
    for (const kind of [COMPLAINT, RECOMMENDATION, REFLECTION]) {
      for (const c of [NORMAL, COMPLEX, ESPECIALLY_COMPLEX]) assert.equal(maxExtensions(kind, c), 0, `${kind} ${c}`);
    }
  });

  it("moves the due date 30 days per extension: at most 30 / 60 / 90 days", () => {
    const d = (complexity: Complexity, extensionsUsed: number) =>
      resolutionDueOn(facts({ kind: DENUNCIATION, complexity, extensionsUsed }));
    assert.equal(d(NORMAL, 0), "2019-03-31");
    assert.equal(d(COMPLEX, 1), "2019-04-30");
    assert.equal(d(ESPECIALLY_COMPLEX, 1), "2019-04-30");
    assert.equal(d(ESPECIALLY_COMPLEX, 2), "2019-05-30");
  });

  it("counts a shorter extension by its days", () => {
    assert.equal(
      resolutionDueOn(
        facts({ kind: DENUNCIATION, complexity: ESPECIALLY_COMPLEX, extensionsUsed: 2, extendedDays: 40 }),
      ),
      "2019-05-10",
    );
  });

  it("refuses more extensions, or more days, than the law allows", () => {
    assert.throws(() => resolutionDueOn(facts({ kind: DENUNCIATION, extensionsUsed: 1 })), RangeError);
    assert.throws(
      () => resolutionDueOn(facts({ kind: DENUNCIATION, complexity: COMPLEX, extensionsUsed: 2 })),
      RangeError,
    );
    assert.throws(
      () => resolutionDueOn(facts({ kind: DENUNCIATION, complexity: ESPECIALLY_COMPLEX, extensionsUsed: 3 })),
      RangeError,
    );
    assert.throws(
      () => resolutionDueOn(facts({ kind: DENUNCIATION, complexity: COMPLEX, extensionsUsed: 1, extendedDays: 31 })),
      RangeError,
    );
  });
});

describe("DEADLINE_RULES: acceptance within 10 days of receipt", () => {
  for (const [id, kind, round] of ACCEPTANCE_CASES) {
    it(`${id} (${kind}${round ? " " + round : ""})`, () => {
      const rule = deadlineRuleFor("ACCEPTANCE", facts({ kind, round }));
      assert.equal(rule.id, id);
      assert.equal(rule.days, 10);
      assert.equal(rule.countsFrom, "RECEIPT");
      assert.equal(acceptanceDueOn("2019-03-01", { kind, round }), "2019-03-11");
    });
  }

  it("counts from the day after receipt, across months and leap days", () => {
    assert.equal(acceptanceDueOn("2019-12-28"), "2020-01-07");
    assert.equal(acceptanceDueOn("2020-02-25"), "2020-03-06");
  });
});

describe("DEADLINE_RULES: the table itself", () => {
  it("has exactly the rows tested here, each citing its law", () => {
    const tested = new Set([...RESOLUTION_CASES.map((c) => c[0]), ...ACCEPTANCE_CASES.map((c) => c[0]), "WITHDRAWN"]);
    assert.deepEqual(new Set(DEADLINE_RULES.map((r) => r.id)), tested);
    assert.equal(DEADLINE_RULES.length, tested.size, "row ids are unique");
    for (const r of DEADLINE_RULES) assert.match(r.law, /Art\. \d+/, r.id);
  });

  it("has one resolution and one acceptance row for every kind, round, complexity and area", () => {
    for (const kind of Object.values(PetitionKind)) {
      for (const round of kind === COMPLAINT ? [FIRST, SECOND] : [null]) {
        for (const complexity of Object.values(Complexity)) {
          for (const isRemoteArea of [false, true]) {
            const f = facts({ kind, round, complexity, isRemoteArea });
            assert.doesNotThrow(() => deadlineRuleFor("RESOLUTION", f));
            assert.doesNotThrow(() => deadlineRuleFor("ACCEPTANCE", f));
          }
        }
      }
    }
  });

  it("refuses a complaint without a round", () => {
    assert.throws(() => resolutionDueOn(facts({ round: null })), RangeError);
  });
});

describe("dueOn: the deadline a status holds a petition to", () => {
  const complaint = facts({ receivedOn: "2019-02-25", acceptedOn: null });
  const accepted = facts({});
  it("is the acceptance deadline while RECEIVED", () => {
    assert.equal(dueOn({ ...complaint, status: PetitionStatus.RECEIVED }), "2019-03-07");
  });
  it("is the resolution deadline once accepted, and stays so once resolved (to judge 'on time')", () => {
    for (const status of [PetitionStatus.ACCEPTED, PetitionStatus.UNDER_VERIFICATION, PetitionStatus.RESOLVED]) {
      assert.equal(dueOn({ ...accepted, status }), "2019-03-31", status);
    }
  });
  it("is none once withdrawn (the case ends), refused, not processed or referred", () => {
    assert.equal(DEADLINE_RULES.find((r) => r.id === "WITHDRAWN")?.days, null);
    for (const status of [
      PetitionStatus.WITHDRAWN,
      PetitionStatus.NOT_ACCEPTED,
      PetitionStatus.NOT_PROCESSED_AS_DENUNCIATION,
      PetitionStatus.REFERRED_FOR_INSPECTION,
    ]) {
      assert.equal(dueOn({ ...accepted, status }), null, status);
    }
  });
});
