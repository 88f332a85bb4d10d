import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { todaysCommuneOf } from "@danvan/kit/units";
import { BUILT_IN_CALENDAR, dueOn } from "../src/deadlines/index.js";
import { isOpen } from "../src/lifecycle/index.js";
import { stateOf } from "../src/petitions/petition-step-state.js";
import { buildDataset } from "./seed.js";

describe("the dataset's petitions open at the 2025 reorganisation (full scale)", () => {
  const { petitions, events } = buildDataset("full");
  const steps = events.filter((e) => e.transition === "reorganise");

  it("moves the 168 petitions still open at the data's end, and no other", () => {
    const moved = petitions.filter((p) => p.handlingUnitCode !== null);
    assert.equal(moved.length, 168);
    assert.deepEqual(
      moved.map((p) => p.id),
      petitions.filter((p) => isOpen(p.status)).map((p) => p.id),
      "every open petition (received 2015–2020, open on 2025-06-30), and only those",
    );
    const byStatus: Record<string, number> = {};
    for (const p of moved) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
    assert.deepEqual(byStatus, { ACCEPTED: 63, UNDER_VERIFICATION: 103, RECEIVED: 2 });
    assert.deepEqual(
      steps.map((e) => e.petitionId),
      moved.map((p) => p.id),
    );
  });

  it("gives each one step dated 2025-07-01 naming the unit that took its commune, its deadlines as the law counts them", () => {
    const byId = new Map(petitions.map((p) => [p.id, p]));
    for (const e of steps) {
      const p = byId.get(e.petitionId)!;
      const today = todaysCommuneOf(p.communeCode)!;
      assert.deepEqual(
        [e.occurredOn, e.fromStatus, e.toStatus, e.unitCode, e.unitValidFrom],
        ["2025-07-01", p.status, p.status, today.code, "2025-07-01"],
      );
      assert.deepEqual(
        [p.handlingUnitCode, p.handlingUnitValidFrom, p.lastStepOn],
        [today.code, "2025-07-01", "2025-07-01"],
      );
      assert.match(p.handledByOrganisationId!, new RegExp(`^MTTQ-${today.code}-25$`));
      assert.equal(p.dueOn, dueOn(stateOf(p), BUILT_IN_CALENDAR), "the deadline is the one of the receipt date's law");
      assert.notEqual(p.districtCode, null, "the receipt's district stays: the figures follow the receipt map");
    }
    // Three lie in a commune split in 2025: placed in one part, said in the note.
    assert.equal(steps.filter((e) => e.note!.includes("được chia")).length, 3);
    assert.equal(
      events.filter((e) => e.transition !== "reorganise").every((e) => e.unitCode === null),
      true,
    );
  });
});
