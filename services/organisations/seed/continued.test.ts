import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { communeOfTheDay, isKienGiangUnit, predecessorsOf, REORGANISATION_2025, unitVersion } from "@danvan/kit/units";
import { buildDataset } from "./seed.js";
import { HISTORY_UNTIL, REGISTER_UNTIL } from "./published-sizes.js";
import { inExistenceOn } from "../src/organisations/committee-validity.js";
import { isMemberOn } from "../src/members/membership.js";
import { committeeId2025 } from "../src/organisations/committees-through-time.js";
import { conflictingHead } from "../src/positions/terms.js";
import { TERM_2019_END, TERM_2024_START } from "./leaders-and-targets.js";
import { carriedTargets } from "./carried-targets.js";

const full = buildDataset("full");
const small = buildDataset("small");
const OLD_LAST_DAY = "2025-06-30";

describe("organisations seed from 2023 to 2026-11-30 on the map of each day (issue 27)", () => {
  it("lets members join and leave through 2026-11-30, no one joining a committee that has ended or not begun", () => {
    for (const d of [full, small]) {
      const byId = new Map(d.organisations.map((o) => [o.id, o]));
      const fresh = d.members.slice(d.historyRows);
      assert.ok(fresh.length > 0);
      for (const m of fresh) {
        const o = byId.get(m.organisationId)!;
        assert.ok(m.joinedOn > HISTORY_UNTIL && m.joinedOn <= REGISTER_UNTIL, `${o.id} ${m.joinedOn}`);
        assert.ok(inExistenceOn(o, m.joinedOn), `${o.id} exists on ${m.joinedOn}`);
        // Before 2025-07-01 the 2019 map's committees; from then the 2025 committees (or a grassroots union).
        if (o.workplaceSector === null) assert.equal(o.validFrom !== null, m.joinedOn >= REORGANISATION_2025, o.id);
      }
      for (const m of d.members) assert.ok(m.leftOn === null || m.leftOn <= REGISTER_UNTIL);
    }
    const byId = new Map(full.organisations.map((o) => [o.id, o]));
    const joinedIn = (y: number, of2025: boolean) =>
      full.members.filter(
        (m) => m.joinedOn.startsWith(String(y)) && (byId.get(m.organisationId)!.validFrom !== null) === of2025,
      ).length;
    for (const y of [2023, 2024]) assert.ok(joinedIn(y, false) > 1000, `${y}`);
    for (const y of [2025, 2026]) assert.ok(joinedIn(y, true) > 1000, `${y}`);
    // Carried-over members leave too: rows of ended committees with a leaving day after their committee's last.
    const leftAfter = full.members.filter((m) => {
      const o = byId.get(m.organisationId)!;
      return o.validTo !== null && m.leftOn !== null && m.leftOn > o.validTo;
    });
    assert.ok(leftAfter.length > 1000, `${leftAfter.length}`);
    // Every 2025 committee with old An Giang in its territory has new members (the Labour Federation's
    // are in grassroots unions); old Kiên Giang's communes have no records (not covered).
    const holding = new Set(full.members.map((m) => m.organisationId));
    const kienGiangOnly = (code: string) =>
      code !== "91" && predecessorsOf(unitVersion(code, REORGANISATION_2025)!).every((s) => isKienGiangUnit(s.from));
    const empty = full.organisations.filter(
      (o) => o.validFrom !== null && o.kind !== "LABOUR_FEDERATION" && !holding.has(o.id) && !kienGiangOnly(o.unitCode),
    );
    assert.ok(full.organisations.some((o) => o.validFrom !== null && kienGiangOnly(o.unitCode)));
    assert.deepEqual(
      empty.map((o) => o.id),
      [],
    );
  });

  it("carries each member of a split commune to the part where they live, and the 2025 communes add up to the old ones", () => {
    const byId = new Map(full.organisations.map((o) => [o.id, o]));
    const carried = new Map(full.carries.map((c) => [c.memberId, c.toId]));
    const perPart = new Map<string, number>();
    full.members.forEach((m, i) => {
      const parts = full.split.get(m.organisationId);
      const to = carried.get(i + 1);
      assert.equal(to !== undefined, parts !== undefined, `member ${i + 1}`);
      if (!parts) return;
      assert.ok(parts.includes(to!), `${to} is a part of ${m.organisationId}`);
      // The kit's rule for a record of an old commune, keyed by the member's id (as programs' households).
      const o = byId.get(m.organisationId)!;
      assert.equal(to, committeeId2025(o.kind, communeOfTheDay(o.unitCode, OLD_LAST_DAY, REORGANISATION_2025, i + 1)!));
      perPart.set(`${m.organisationId}>${to}`, (perPart.get(`${m.organisationId}>${to}`) ?? 0) + 1);
    });
    // Every part of every split committee gets members: not all to the first part by code.
    for (const [from, parts] of full.split)
      for (const p of parts) assert.ok((perPart.get(`${from}>${p}`) ?? 0) > 5, `${from}>${p}`);
    // On the day of the change, the 2025 communes' committees hold exactly the old communes' members.
    const target = carriedTargets(full);
    for (const kind of ["FARMERS_UNION", "WOMENS_UNION", "YOUTH_UNION"]) {
      const old = full.members.filter((m) => {
        const o = byId.get(m.organisationId)!;
        return (
          o.kind === kind &&
          o.validFrom === null &&
          o.unitCode.length === 5 &&
          o.workplaceSector === null &&
          isMemberOn(m, OLD_LAST_DAY)
        );
      }).length;
      let inNew = 0;
      full.members.forEach((m, i) => {
        const to = target(m, i + 1);
        const o = to ? byId.get(to)! : undefined;
        if (o && o.kind === kind && o.unitCode.length === 5 && isMemberOn(m, OLD_LAST_DAY)) inNew++;
      });
      assert.equal(inNew, old, kind);
    }
  });

  it("ends the 2019–2024 term, starts the next in 2024 and seats the 2025 committees from 2025-07-01", () => {
    const byOrg = new Map<string, (typeof full.positions)[number][]>();
    for (const p of full.positions) {
      const others = byOrg.get(p.organisationId) ?? [];
      assert.equal(conflictingHead(others, p), undefined, `${p.organisationId}: one head at a time`);
      byOrg.set(p.organisationId, [...others, p]);
    }
    assert.ok(!full.positions.some((p) => p.termStart === "2019-10-01" && p.termEnd !== TERM_2019_END));
    for (const o of full.organisations) {
      const terms = new Set((byOrg.get(o.id) ?? []).map((p) => `${p.termStart}/${p.termEnd}`));
      if (o.validFrom !== null) assert.deepEqual([...terms], [`${o.validFrom}/null`], o.id);
      else assert.ok(terms.has(`${TERM_2024_START}/${o.validTo}`), `${o.id}: ${[...terms].join(", ")}`);
    }
  });

  it("sets recruitment targets for 2023–2026: the 2019 map's committees to 2024, the 2025 committees for 2025 and 2026", () => {
    const byId = new Map(full.organisations.map((o) => [o.id, o]));
    const years = (of2025: boolean) =>
      [
        ...new Set(
          full.targets.filter((t) => (byId.get(t.organisationId)!.validFrom !== null) === of2025).map((t) => t.year),
        ),
      ].sort();
    assert.deepEqual(years(false), [2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    assert.deepEqual(years(true), [2025, 2026]);
    const keys = full.targets.map((t) => `${t.organisationId}:${t.year}`);
    assert.equal(new Set(keys).size, keys.length, "one target per committee and year");
    assert.ok(full.targets.some((t) => t.organisationId === "LDLD-91-25"));
  });
});
