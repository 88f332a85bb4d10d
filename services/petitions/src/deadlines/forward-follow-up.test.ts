import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { forwardFollowUpDueOn, isForwardOverdue } from "./forward-follow-up.js";
import { BUILT_IN_CALENDAR } from "./working-calendar.js";

describe("forwarded petitions' follow-up (rule)", () => {
  it("falls 30 days after forwarding, on a working day", () => {
    // 2019-06-03 (Mon) + 30 = 2019-07-03 (Wed).
    assert.equal(forwardFollowUpDueOn("2019-06-03", BUILT_IN_CALENDAR), "2019-07-03");
    // 2019-06-01 + 30 = 2019-07-01 (Mon): already a working day.
    assert.equal(forwardFollowUpDueOn("2019-06-01", BUILT_IN_CALENDAR), "2019-07-01");
    // 2019-06-08 + 30 = 2019-07-08 (Mon); 2019-06-06 + 30 = 2019-07-06 (Sat) → Mon 2019-07-08.
    assert.equal(forwardFollowUpDueOn("2019-06-06", BUILT_IN_CALENDAR), "2019-07-08");
  });

  it("rolls over Tết: forwarded 2019-01-06, due 2019-02-05 (Tết) rolls past the holiday", () => {
    const due = forwardFollowUpDueOn("2019-01-06", BUILT_IN_CALENDAR);
    assert.ok(due > "2019-02-05");
    assert.ok(BUILT_IN_CALENDAR.isWorkingDay(due));
    assert.equal(due, "2019-02-11");
  });

  it("is overdue when unanswered past the date, or answered after it", () => {
    const p = { forwardFollowUpDueOn: "2019-07-03", forwardAnsweredOn: null };
    assert.equal(isForwardOverdue(p, "2019-07-03"), false);
    assert.equal(isForwardOverdue(p, "2019-07-04"), true);
    assert.equal(isForwardOverdue({ ...p, forwardAnsweredOn: "2019-07-03" }, "2020-01-01"), false);
    assert.equal(isForwardOverdue({ ...p, forwardAnsweredOn: "2019-07-05" }, "2020-01-01"), true);
    assert.equal(isForwardOverdue({ forwardFollowUpDueOn: null, forwardAnsweredOn: null }, "2020-01-01"), false);
  });
});
