import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, PetitionKind } from "../lifecycle/petition-enums.js";
import { checkFilingLimit, type FilingLimitFacts } from "./filing-limit.js";

const complaint = (over: Partial<FilingLimitFacts>): FilingLimitFacts => ({
  kind: PetitionKind.COMPLAINT,
  round: ComplaintRound.FIRST,
  isRemoteArea: false,
  receivedOn: "2019-04-02",
  decisionKnownOn: "2019-01-02",
  obstacleDays: 0,
  ...over,
});

describe("checkFilingLimit (Law on Complaints 2011, Art. 9 and 33)", () => {
  it("accepts a first-round complaint on the 90th day, refuses it the day after", () => {
    assert.equal(checkFilingLimit(complaint({})), null);
    assert.deepEqual(checkFilingLimit(complaint({ receivedOn: "2019-04-03" })), {
      lastDay: "2019-04-02",
      law: "Law on Complaints 2011 (02/2011/QH13), Art. 9",
    });
  });

  it("rolls the last day over Tết (90 days → Sat 25/1/2020 → Thu 30/1)", () => {
    const f = complaint({ decisionKnownOn: "2019-10-27", receivedOn: "2020-01-30" });
    assert.equal(checkFilingLimit(f), null);
    assert.equal(checkFilingLimit({ ...f, receivedOn: "2020-01-31" })?.lastDay, "2020-01-30");
  });

  it("does not count the days an obstacle prevented the complaint", () => {
    assert.equal(checkFilingLimit(complaint({ receivedOn: "2019-04-12", obstacleDays: 10 })), null);
    assert.notEqual(checkFilingLimit(complaint({ receivedOn: "2019-04-12", obstacleDays: 9 })), null);
  });

  it("gives a second round 30 days from the first-round decision, 45 in a remote area", () => {
    const second = complaint({ round: ComplaintRound.SECOND, decisionKnownOn: "2019-03-01" });
    assert.equal(checkFilingLimit({ ...second, receivedOn: "2019-04-01" }), null); // 30 → Sun 31/3 → Mon 1/4
    assert.equal(
      checkFilingLimit({ ...second, receivedOn: "2019-04-02" })?.law,
      "Law on Complaints 2011 (02/2011/QH13), Art. 33",
    );
    const remote = { ...second, isRemoteArea: true };
    assert.equal(checkFilingLimit({ ...remote, receivedOn: "2019-04-16" }), null); // 45 → Mon 15/4 (off) → 16/4
    assert.equal(checkFilingLimit({ ...remote, receivedOn: "2019-04-17" })?.lastDay, "2019-04-16");
  });

  it("checks nothing without the decision date, for other kinds, or before the law (old cases)", () => {
    assert.equal(checkFilingLimit(complaint({ decisionKnownOn: null, receivedOn: "2025-01-01" })), null);
    assert.equal(checkFilingLimit(complaint({ kind: PetitionKind.DENUNCIATION, receivedOn: "2025-01-01" })), null);
    assert.equal(checkFilingLimit(complaint({ decisionKnownOn: "2011-01-02", receivedOn: "2012-06-30" })), null);
    assert.throws(() => checkFilingLimit(complaint({ obstacleDays: -1 })), RangeError);
  });
});
