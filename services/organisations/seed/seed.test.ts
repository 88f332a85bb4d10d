import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { todaysCommuneOf, unitByCode } from "@danvan/kit/units";
import { SeededRandom } from "@danvan/kit/seeding";
import { organisationRows, unitRows } from "./seed.js";
import { grassrootsUnionPlans } from "./grassroots-unions.js";
import { OrganisationKind } from "../src/organisations/organisation-kind.js";
import { GRASSROOTS_UNION_ID, WARDS_WITHOUT_FARMERS_UNION } from "../src/organisations/organisation-structure.js";
import { WorkplaceSector } from "../src/organisations/workplace-sector.js";
import { OrganisationSuccession } from "../src/organisations/organisation-succession.entity.js";

const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("organisations seed", () => {
  it("builds every unit through time, 848 committees of 2019, 516 of 2025 and the grassroots trade unions, parents before children", () => {
    // The kit's timeline: old An Giang's 168 units, old Kiên Giang's 159, the 2021–2025 changes, province 91 and its 102 communes.
    assert.equal(unitRows().length, 168 + 159 + 14 + 103);
    const { organisations, closure: everyLink } = organisationRows();
    const committees = organisations.filter((o) => o.workplaceSector === null && o.validFrom === null);
    const unions = organisations.filter((o) => o.workplaceSector !== null);
    // Four organisations at every unit; the Farmers' Union at 152 communes; the Labour Federation at 12 units.
    assert.equal(committees.length, 4 * 168 + (12 + 152) + 12);
    // 2025: five organisations at the province and each of its 102 communes, the Labour Federation at the province.
    const of2025 = organisations.filter((o) => o.validFrom !== null);
    assert.equal(of2025.length, 5 * 103 + 1);
    assert.ok(of2025.every((o) => o.validFrom === "2025-07-01" && o.validTo === null && /-25$/.test(o.id)));
    const closure = everyLink.filter((c) => !c.descendantId.endsWith("-25"));
    assert.equal(everyLink.length - closure.length, of2025.length + (of2025.length - 6));
    assert.equal(unions.length, grassrootsUnionPlans().length);
    assert.ok(unions.length > 1000, `${unions.length} grassroots unions`);
    const seen = new Set<string>();
    for (const o of organisations) {
      if (o.parentId) assert.ok(seen.has(o.parentId), `${o.id} after its parent`);
      seen.add(o.id);
    }
    // Each body is its own ancestor; a commune's committee and a grassroots union have two more, a district's one.
    const communeCommittees = committees.filter((o) => o.unitCode.length === 5).length;
    assert.equal(closure.length, committees.length + communeCommittees * 2 + 66 + unions.length * 3);
  });

  it("puts the trade unions where they are: federations at province and district, grassroots unions in workplaces", () => {
    const { organisations } = organisationRows();
    const labour = organisations.filter((o) => o.kind === OrganisationKind.LABOUR_FEDERATION);
    const federations = labour.filter((o) => o.workplaceSector === null && o.validFrom === null);
    assert.deepEqual(
      labour.filter((o) => o.validFrom !== null).map((o) => o.id),
      ["LDLD-91-25"],
      "from 2025-07-01, at the province only",
    );
    assert.deepEqual(federations.map((o) => o.unitCode.length).sort(), [2, ...Array(11).fill(3)]);
    assert.ok(!organisations.some((o) => o.id === "LDLD-30280"), "no commune Labour Federation");
    const unions = labour.filter((o) => o.workplaceSector !== null);
    assert.ok(unions.every((u) => GRASSROOTS_UNION_ID.test(u.id) && u.name.startsWith("Công đoàn cơ sở ")));
    for (const u of unions) {
      // Under the Labour Federation of the district its workplace is in.
      assert.equal(u.parentId, `LDLD-${unitByCode(u.unitCode)!.parentCode}`, u.id);
      assert.equal(unitByCode(u.unitCode)!.level, "COMMUNE", u.id);
    }
    // Every sector the federation reports is present; enterprises are not all in the province's capital.
    const sectors = new Set(unions.map((u) => u.workplaceSector));
    assert.deepEqual([...sectors].sort(), Object.values(WorkplaceSector).sort());
    const enterprises = unions.filter((u) => u.workplaceSector === WorkplaceSector.DOMESTIC_ENTERPRISE);
    assert.equal(new Set(enterprises.map((u) => u.parentId)).size, 11);
    assert.equal(new Set(unions.map((u) => u.id)).size, unions.length, "ids are unique");
  });

  it("gives the Farmers' Union its 152 grassroots units, 9 of them in Long Xuyên", () => {
    const farmers = organisationRows().organisations.filter(
      (o) => o.kind === OrganisationKind.FARMERS_UNION && o.unitCode.length === 5 && o.validFrom === null,
    );
    assert.equal(farmers.length, 152);
    assert.equal(farmers.filter((o) => o.parentId === "HND-883").length, 9);
    for (const code of WARDS_WITHOUT_FARMERS_UNION) assert.ok(!farmers.some((o) => o.unitCode === code), code);
  });

  it("ends the 2019 map's committees with their units, each going into the committee of the unit that took its commune", () => {
    const { organisations, successions, split } = organisationRows();
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const whole = successions.filter((s) => s.share === "whole");
    const next = new Map(whole.map((s) => [s.fromId, s]));
    const old = organisations.filter((o) => o.validFrom === null && o.workplaceSector === null);
    // The three split communes (30334, 30355, 30358): their five committees each go, in part, into each part.
    assert.deepEqual([...new Set([...split.keys()].map((id) => id.split("-")[1]))].sort(), ["30334", "30355", "30358"]);
    const parts = successions.filter((s) => s.share === "part");
    assert.equal(
      parts.length,
      [...split.values()].reduce((n, p) => n + p.length, 0),
    );
    assert.ok(parts.every((s) => split.get(s.fromId)!.includes(s.toId) && s.onDate === "2025-07-01"));
    assert.equal(
      whole.length + split.size,
      old.length,
      "one whole succession per old committee not split, none for grassroots unions",
    );
    for (const o of old) {
      // Phường Đông Xuyên ended on 2024-12-31 (merged into Mỹ Xuyên); every other unit on 2025-06-30.
      assert.equal(o.validTo, o.unitCode === "30285" ? "2024-12-31" : "2025-06-30", o.id);
      if (split.has(o.id)) continue;
      let s = next.get(o.id)!;
      assert.equal(s.onDate, addDay(o.validTo!), o.id);
      // Follow the chain (Đông Xuyên → Mỹ Xuyên → Long Xuyên) to the 2025 committee of the same kind.
      while (next.has(s.toId)) s = next.get(s.toId)!;
      const to = byId.get(s.toId)!;
      assert.equal(to.kind, o.kind, o.id);
      assert.equal(to.validFrom, "2025-07-01", o.id);
      // A commune's: the 2025 commune its records fall under; a district's or the province's: the province's.
      assert.equal(to.unitCode, o.unitCode.length === 5 ? todaysCommuneOf(o.unitCode)!.code : "91", o.id);
    }
    assert.deepEqual(
      successions.filter((s) => s.fromId === "HPN-30285" || s.fromId === "HPN-30286"),
      [
        { fromId: "HPN-30285", toId: "HPN-30286", onDate: "2025-01-01", share: "whole" },
        { fromId: "HPN-30286", toId: "HPN-30307-25", onDate: "2025-07-01", share: "whole" },
      ].map((x) => Object.assign(new OrganisationSuccession(), x)),
    );
  });

  it("marks the illustrative remote-area communes: the communes of Tịnh Biên and Tri Tôn, before 2025-07-01", () => {
    const remote = unitRows().filter(
      (u) => u.isRemoteArea && u.validFrom < "2025-07-01" && /^(89|88)/.test(u.parentCode ?? ""),
    );
    assert.ok(remote.length > 0);
    assert.ok(remote.every((u) => u.parentCode === "890" || u.parentCode === "891"));
    const base = remote.filter((u) => u.validFrom === "2010-01-01");
    assert.ok(base.every((u) => u.kind === "Xã"));
    assert.equal(base.length, 24);
  });

  it("is deterministic: the same seed gives the same sequence", () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 5 }, () => b.next()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const r = new SeededRandom(1);
    for (let i = 0; i < 100; i++) {
      const d = r.dateBetween("2020-01-30", "2020-02-02");
      assert.ok(d >= "2020-01-30" && d <= "2020-02-02");
    }
  });
});
