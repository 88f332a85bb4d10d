import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildDataset } from "./seed.js";
import { isStateBodyId } from "../src/federation/state-body.ref.js";
import { BUILT_IN_CALENDAR, daysBetween, forwardFollowUpDueOn } from "../src/deadlines/index.js";

describe("the dataset's forwarded cases and second rounds (full scale)", () => {
  const { petitions, events } = buildDataset("full");
  const byId = new Map(petitions.map((p) => [p.id, p]));

  it("keeps the published figures: 23,400 petitions, 1,725 accepted late, 880 reassigned", () => {
    assert.equal(petitions.length, 23_400);
    // 1,727 before the New Year 2019 swap (31/12/2018 off, 5/1/2019 worked) was declared.
    assert.equal(petitions.filter((p) => p.acceptedOn !== null && p.acceptedOn > p.acceptanceDueOn!).length, 1_725);
    assert.equal(events.filter((e) => e.transition === "reassign").length, 880);
  });

  it("forwards 481 cases to real state bodies, each with its step, follow-up date and 356 answers", () => {
    const forwarded = petitions.filter((p) => p.status === "FORWARDED");
    assert.equal(forwarded.length, 481);
    for (const p of forwarded) {
      assert.ok(isStateBodyId(p.forwardedToBodyId!), p.forwardedToBodyId!);
      assert.equal(p.forwardedOn, p.closedOn);
      assert.equal(p.forwardFollowUpDueOn, forwardFollowUpDueOn(p.forwardedOn!, BUILT_IN_CALENDAR));
      assert.equal(p.dueOn, null);
      assert.equal(p.refusalReason, null);
    }
    const steps = events.filter((e) => e.transition === "forward");
    assert.deepEqual(
      steps.map((e) => e.petitionId).sort((a, b) => a - b),
      forwarded.map((p) => p.id),
    );
    const answered = forwarded.filter((p) => p.forwardAnsweredOn !== null);
    assert.equal(answered.length, 356);
    assert.equal(events.filter((e) => e.transition === "forwardingAnswer").length, 356);
    assert.ok(answered.every((p) => p.forwardAnsweredOn! > p.forwardedOn! && p.forwardAnsweredOn! <= "2020-12-31"));
  });

  it("links 1,063 second rounds to first-round decisions of their commune, within the 30-day limit and on time", () => {
    const seconds = petitions.filter((p) => p.firstRoundPetitionId !== null);
    assert.equal(seconds.length, 1_063);
    const firsts = new Set<number>();
    for (const p of seconds) {
      const first = byId.get(p.firstRoundPetitionId!)!;
      assert.equal(p.kind, "COMPLAINT");
      assert.equal(p.round, "SECOND");
      assert.equal(first.kind, "COMPLAINT");
      assert.notEqual(first.round, "SECOND");
      assert.equal(first.status, "RESOLVED");
      assert.equal(first.communeCode, p.communeCode);
      assert.equal(p.decisionKnownOn, first.closedOn);
      const gap = daysBetween(first.closedOn!, p.receivedOn);
      assert.ok(gap >= 1 && gap <= 30, `gap ${gap}`);
      assert.ok(p.dueOn === null || p.closedOn! <= p.dueOn, "still on time");
      assert.equal(firsts.has(first.id), false, "one second round per decision");
      firsts.add(first.id);
    }
  });
});
