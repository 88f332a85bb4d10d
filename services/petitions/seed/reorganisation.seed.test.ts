import "reflect-metadata";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { todaysCommuneOf } from "@danvan/kit/units";
import { isOpen, type PetitionStatus } from "../src/lifecycle/index.js";
import { openAtTheChange } from "../src/units/reorganisation.js";
import { buildDataset } from "./seed.js";

/**
 * The counts changed with issue 27's later years: the dataset used to stop at 2020-12-31, so its
 * 168 petitions still open then were taken as open on 2025-06-30. They now continue in 2021 (all
 * closed that year), and the petitions genuinely open on 2025-06-30 are 273 received in 2025.
 */
describe("the dataset's petitions open at the 2025 reorganisation (full scale)", () => {
  const { petitions, events } = buildDataset("full");
  const steps = events.filter((e) => e.transition === "reorganise");
  const byId = new Map(petitions.map((p) => [p.id, p]));
  const order = new Map(events.map((e, i) => [e, i]));

  it("moves the 273 petitions open on 2025-06-30, and no other", () => {
    const moved = petitions.filter((p) => p.handlingUnitCode !== null);
    assert.equal(moved.length, 273);
    assert.deepEqual(
      moved.map((p) => p.id),
      petitions.filter((p) => openAtTheChange(p)).map((p) => p.id),
      "received before 2025-07-01 and not closed by 2025-06-30, and only those",
    );
    assert.ok(
      moved.every((p) => p.receivedOn >= "2025-01-01"),
      "the 2015–2020 ones closed long before",
    );
    const atTheStep: Record<string, number> = {};
    for (const e of steps) atTheStep[e.fromStatus!] = (atTheStep[e.fromStatus!] ?? 0) + 1;
    assert.deepEqual(atTheStep, { ACCEPTED: 92, UNDER_VERIFICATION: 119, RECEIVED: 62 });
    assert.deepEqual(
      steps.map((e) => e.petitionId),
      moved.map((p) => p.id),
    );
  });

  it("gives each one step dated 2025-07-01, in its history's order, naming the unit that took its commune", () => {
    for (const e of steps) {
      const p = byId.get(e.petitionId)!;
      const today = todaysCommuneOf(p.communeCode)!;
      assert.deepEqual(
        [e.occurredOn, e.toStatus, e.unitCode, e.unitValidFrom],
        ["2025-07-01", e.fromStatus, today.code, "2025-07-01"],
      );
      assert.ok(isOpen(e.fromStatus as PetitionStatus), "open when it moved");
      assert.deepEqual([p.handlingUnitCode, p.handlingUnitValidFrom], [today.code, "2025-07-01"]);
      assert.ok(p.lastStepOn >= "2025-07-01");
      assert.match(p.handledByOrganisationId!, new RegExp(`^MTTQ-${today.code}-25$`));
      assert.notEqual(p.districtCode, null, "the receipt's district stays: the figures follow the receipt map");
      // In the history's order (date, then id: the order stored), every step before it is dated
      // before the change, every step after it from then.
      const own = events
        .filter((x) => x.petitionId === p.id)
        .sort((a, b) =>
          a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : order.get(a)! - order.get(b)!,
        );
      const at = own.indexOf(e);
      assert.ok(own.slice(0, at).every((x) => x.occurredOn < "2025-07-01"));
      assert.ok(own.slice(at + 1).every((x) => x.occurredOn >= "2025-07-01"));
      assert.equal(own[at - 1]!.toStatus, e.fromStatus, "the status it had then");
      assert.equal(p.version, own.length, "one version per step");
    }
    // Four lie in a commune split in 2025: placed in one part, said in the note.
    assert.equal(steps.filter((e) => e.note!.includes("được chia")).length, 4);
    assert.equal(
      events.filter((e) => e.transition !== "reorganise").every((e) => e.unitCode === null),
      true,
    );
  });
});
