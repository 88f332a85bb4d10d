import "reflect-metadata";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  illustrativeRemoteCommunes,
  isKienGiangUnit,
  remoteAreaFlags,
  unitOn,
  unitVersionKey,
} from "@danvan/kit/units";
import { acceptanceDueOn, BUILT_IN_CALENDAR, dueOn } from "../src/deadlines/index.js";
import { isOpen } from "../src/lifecycle/index.js";
import { stateOf } from "../src/petitions/petition-step-state.js";
import { openAtTheChange } from "../src/units/reorganisation.js";
import { buildDataset, buildSessions } from "./seed.js";

const CHANGE = "2025-07-01";

describe("the dataset's later years, 2021-01-01 to 2026-11-30, on the map of each day (full scale)", () => {
  const { petitions, events } = buildDataset("full");
  const later = petitions.filter((p) => p.receivedOn >= "2021-01-01");
  const flags = remoteAreaFlags(illustrativeRemoteCommunes());

  it("counts the receipts per year: 3,900 a year to 2024, 5,623 in 2025 (3,763 on the 2025 map), 6,848 to 2026-11-30", () => {
    const byYear: Record<string, number> = {};
    for (const p of petitions) byYear[p.receivedOn.slice(0, 4)] = (byYear[p.receivedOn.slice(0, 4)] ?? 0) + 1;
    assert.deepEqual(byYear, {
      ...Object.fromEntries(["2015", "2016", "2017", "2018", "2019", "2020"].map((y) => [y, 3_900])),
      ...Object.fromEntries(["2021", "2022", "2023", "2024"].map((y) => [y, 3_900])),
      "2025": 5_623,
      "2026": 6_848,
    });
    assert.equal(later.filter((p) => p.receivedOn >= CHANGE).length, 3_763 + 6_848);
    assert.equal(
      later.reduce((m, p) => (p.receivedOn > m ? p.receivedOn : m), ""),
      "2026-11-30",
    );
    assert.ok(
      events.every((e) => e.occurredOn <= "2026-11-30"),
      "no step after the data's last day",
    );
  });

  it("receives each petition at the commune in force that day, with that version's flag, district and body", () => {
    for (const p of later) {
      const v = unitOn(p.communeCode, p.receivedOn);
      assert.ok(v && v.level === "COMMUNE" && !isKienGiangUnit(v), `${p.id} at ${p.communeCode} on ${p.receivedOn}`);
      assert.equal(p.isRemoteArea, flags.get(unitVersionKey(v)), `${p.id}: the flag of ${unitVersionKey(v)}`);
      if (p.receivedOn < CHANGE) {
        assert.ok(v.validFrom < CHANGE && v.validTo! >= p.receivedOn, "an old An Giang commune, not yet ended");
        assert.equal(p.districtCode, v.parentCode);
        if (p.handlingUnitCode === null)
          assert.match(p.handledByOrganisationId!, new RegExp(`^MTTQ-(${v.code}|${v.parentCode})$`));
      } else {
        assert.equal(v.validFrom, CHANGE, "a 2025 commune");
        assert.equal(p.districtCode, null, "no district from 2025-07-01");
        assert.match(p.handledByOrganisationId!, new RegExp(`^MTTQ-(${v.code}|91)-25$`));
      }
    }
    // The reused code 30307: Phường Mỹ Hòa to 2025-06-30, Phường Long Xuyên (six old wards) from then.
    const at30307 = later.filter((p) => p.communeCode === "30307");
    assert.ok(at30307.some((p) => p.receivedOn < CHANGE) && at30307.some((p) => p.receivedOn >= CHANGE));
    // Đông Xuyên (30285) merged into Mỹ Xuyên on 2025-01-01: nothing received there since.
    assert.ok(later.filter((p) => p.communeCode === "30285").every((p) => p.receivedOn <= "2024-12-31"));
    // Old Kiên Giang's territory receives from 2025-07-01 only, through the 2025 communes.
    assert.ok(later.some((p) => p.receivedOn >= CHANGE && p.isRemoteArea));
  });

  it("walks them under the law of their receipt day, the 2026 complaints' acceptance included", () => {
    for (const p of later) {
      assert.equal(p.acceptanceDueOn, acceptanceDueOn(stateOf(p), BUILT_IN_CALENDAR));
      if (isOpen(p.status)) assert.equal(p.dueOn, dueOn(stateOf(p), BUILT_IN_CALENDAR));
    }
    const lateIn2026 = (from: string, to: string) => {
      const list = later.filter((p) => p.kind === "COMPLAINT" && p.receivedOn >= from && p.receivedOn <= to);
      return list.filter((p) => p.acceptedOn !== null && p.acceptedOn > p.acceptanceDueOn!).length / list.length;
    };
    // 7 working days from 2026-07-01 instead of 10: more of the same draws come late.
    assert.ok(lateIn2026("2026-07-01", "2026-11-30") > lateIn2026("2026-01-01", "2026-06-30"));
    const open = petitions.filter((p) => isOpen(p.status));
    assert.equal(open.length, 573);
    assert.ok(
      open.every((p) => p.receivedOn >= "2026-01-01"),
      "the older ones all closed by the data's end",
    );
  });

  it("continues the 168 petitions open at the end of 2020 in 2021, and moves those open on 2025-06-30", () => {
    const continued = petitions.filter((p) => p.receivedOn <= "2020-12-31" && p.lastStepOn > "2020-12-31");
    assert.equal(continued.length, 168);
    const ids = new Set(continued.map((p) => p.id));
    const steps = events.filter((e) => ids.has(e.petitionId) && e.occurredOn > "2020-12-31");
    assert.ok(steps.every((e) => e.occurredOn >= "2021-01-01" && e.occurredOn <= "2021-12-31"));
    assert.ok(continued.every((p) => !isOpen(p.status) && p.closedOn! <= "2021-12-31"));
    const stepped = new Set(events.filter((e) => e.transition === "reorganise").map((e) => e.petitionId));
    assert.deepEqual(
      petitions.filter((p) => stepped.has(p.id)).map((p) => p.id),
      petitions.filter((p) => openAtTheChange(p)).map((p) => p.id),
    );
    assert.ok(later.filter((p) => p.receivedOn >= CHANGE).every((p) => !stepped.has(p.id)));
  });

  it("holds reception sessions on the map of their month", () => {
    const { sessions, links } = buildSessions("full", petitions);
    const laterSessions = sessions.filter((s) => s.heldOn >= "2021-01-01");
    assert.ok(laterSessions.length > 0);
    for (const s of laterSessions) {
      const v = unitOn(s.unitCode, s.heldOn);
      assert.ok(v && !isKienGiangUnit(v) && v.level === s.level, `${s.unitCode} on ${s.heldOn}`);
    }
    assert.ok(laterSessions.every((s) => s.heldOn < CHANGE || (s.level !== "DISTRICT" && s.unitCode !== "89")));
    assert.ok(laterSessions.some((s) => s.unitCode === "91" && s.level === "PROVINCE"));
    assert.equal(new Set(sessions.map((s) => s.id)).size, sessions.length);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const petition = new Map(petitions.map((p) => [p.id, p]));
    for (const l of links) {
      const s = byId.get(l.sessionId)!;
      const p = petition.get(l.petitionId)!;
      assert.deepEqual([s.unitCode, s.heldOn], [p.communeCode, p.receivedOn]);
    }
  });
});
