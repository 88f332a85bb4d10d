import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import { DEADLINE_RULES } from "./deadline-rules.js";
import { acceptanceDueOn, deadlineRuleFor, legalBasisOf, resolutionDueOn, type DeadlineFacts } from "./due-dates.js";
import { checkFilingLimit } from "./filing-limit.js";

/**
 * The rows in force from 1/7/2026 (Decree 155/2026/NĐ-CP, with Law 136/2025/QH15): a complaint
 * received from that day is accepted within 07 working days, one received the day before keeps
 * the Law on Complaints' 10 days. Due dates worked out by hand on the calendar (National Day 2026:
 * Sat 22/8 worked, Sat 29/8 – Wed 2/9 off; New Year 2027: Fri 1/1 off).
 */
const { COMPLAINT } = PetitionKind;
const { FIRST, SECOND } = ComplaintRound;

function complaint(over: Partial<DeadlineFacts>): DeadlineFacts {
  return {
    kind: COMPLAINT,
    round: FIRST,
    complexity: Complexity.NORMAL,
    isRemoteArea: false,
    receivedOn: "2026-07-01",
    acceptedOn: null,
    extensionsUsed: 0,
    ...over,
  };
}

const DECREE = "Decree 124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP, Art. 16(1)";
const LAW = "Law on Complaints 2011 (02/2011/QH13)";

const CASES: [id: string, f: Partial<DeadlineFacts>, due: string, why: string][] = [
  [
    "COMPLAINT_FIRST_ROUND_ACCEPTANCE_2026",
    { receivedOn: "2026-08-26" },
    "2026-09-09",
    "7 working days from Wed 26/8/2026: 27, 28, (29/8–2/9 off) 3, 4, 7, 8, 9/9",
  ],
  [
    "COMPLAINT_FIRST_ROUND_ACCEPTANCE_2026",
    { receivedOn: "2026-08-21" },
    "2026-09-03",
    "7 working days from Fri 21/8/2026: Sat 22 (worked), 24, 25, 26, 27, 28, (29/8–2/9 off) Thu 3/9",
  ],
  [
    "COMPLAINT_SECOND_ROUND_ACCEPTANCE_2026",
    { round: SECOND, receivedOn: "2026-12-24" },
    "2027-01-05",
    "7 working days from Thu 24/12/2026: 25, 28, 29, 30, 31, (1/1 off) 4, 5/1/2027",
  ],
];

describe("DEADLINE_RULES from 1/7/2026: complaints accepted within 07 working days", () => {
  for (const [id, over, expected, why] of CASES) {
    it(`${id}: ${why}`, () => {
      const f = complaint(over);
      const rule = deadlineRuleFor("ACCEPTANCE", f);
      assert.equal(rule.id, id);
      assert.equal(rule.counts, "WORKING");
      assert.equal(acceptanceDueOn(f), expected);
      assert.equal(legalBasisOf({ ...f, status: PetitionStatus.RECEIVED, dueOn: expected }), DECREE);
    });
  }

  it("has exactly the rows from 1/7/2026 tested here", () => {
    const from2026 = DEADLINE_RULES.filter((r) => r.act.from >= "2026-07-01").map((r) => r.id);
    assert.deepEqual(new Set(from2026), new Set(CASES.map((c) => c[0])));
    assert.equal(from2026.length, new Set(CASES.map((c) => c[0])).size);
  });

  for (const round of [FIRST, SECOND]) {
    const article = round === FIRST ? "Art. 27" : "Art. 36";
    it(`${round} round: received Tue 30/6/2026, the Law's 10 days; Wed 1/7/2026, the decree's 7 working days`, () => {
      const before = complaint({ round, receivedOn: "2026-06-30" });
      const after = complaint({ round, receivedOn: "2026-07-01" });
      assert.equal(deadlineRuleFor("ACCEPTANCE", before).act.until, "2026-06-30");
      assert.equal(deadlineRuleFor("ACCEPTANCE", after).act.from, "2026-07-01");
      assert.equal(acceptanceDueOn(before), "2026-07-10"); // 10 days → Fri 10/7, a working day
      assert.equal(acceptanceDueOn(after), "2026-07-10"); // 2, 3, 6, 7, 8, 9, 10/7
      assert.equal(
        legalBasisOf({ ...before, status: PetitionStatus.RECEIVED, dueOn: "2026-07-10" }),
        `${LAW}, ${article}`,
      );
      assert.equal(legalBasisOf({ ...after, status: PetitionStatus.RECEIVED, dueOn: "2026-07-10" }), DECREE);
    });
  }

  it("can end later than 10 calendar days would have: received Fri 3/7/2026, due Tue 14/7 (not Mon 13/7)", () => {
    assert.equal(acceptanceDueOn(complaint({ receivedOn: "2026-07-03" })), "2026-07-14");
  });

  it("leaves the resolution periods and the filing limit of the Law on Complaints as they were", () => {
    const f = complaint({ receivedOn: "2026-07-01", acceptedOn: "2026-07-08" });
    assert.equal(deadlineRuleFor("RESOLUTION", f).id, "COMPLAINT_FIRST_ROUND");
    assert.equal(resolutionDueOn(f), "2026-08-07"); // 30 days → Fri 7/8
    const late = { ...f, decisionKnownOn: "2026-04-01", obstacleDays: 0 };
    assert.deepEqual(checkFilingLimit(late), { lastDay: "2026-06-30", law: `${LAW}, Art. 9` }); // 90 days → Tue 30/6
  });
});
