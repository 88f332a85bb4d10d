import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildDataset } from "./seed.js";
import { apportion, REGISTER_UNTIL, SIZES } from "./published-sizes.js";
import { ALL_ORGANISATION_KINDS, OrganisationKind } from "../src/organisations/organisation-kind.js";
import { brokenMembershipRules } from "../src/members/membership-rules.js";
import { isMemberOn } from "../src/members/membership.js";
import { Gender } from "../src/members/member-status.js";
import { titleName } from "../src/positions/position-titles.js";
import { conflictingHead } from "../src/positions/terms.js";

const full = buildDataset("full");
const small = buildDataset("small");

describe("organisations seed: published sizes and each organisation's rules", () => {
  it("reproduces each published size exactly on its day at full scale", () => {
    const kindOf = new Map(full.organisations.map((o) => [o.id, o.kind]));
    const published = ALL_ORGANISATION_KINDS.filter((k) => SIZES[k].source !== null);
    assert.deepEqual(published.sort(), [
      OrganisationKind.FARMERS_UNION,
      OrganisationKind.VETERANS_ASSOCIATION,
      OrganisationKind.YOUTH_UNION,
    ]);
    for (const kind of ALL_ORGANISATION_KINDS) {
      const { on, members } = SIZES[kind];
      const counted = full.members.filter((m) => kindOf.get(m.organisationId) === kind && isMemberOn(m, on)).length;
      if (typeof members === "number") assert.equal(counted, members, `${kind} on ${on}`);
      else assert.ok(counted > 10_000, `${kind}: the grassroots unions' sizes add up to ${counted}`);
    }
    assert.equal(SIZES.FARMERS_UNION.members, 117_556);
    assert.equal(SIZES.FARMERS_UNION.on, "2018-05-24");
  });

  it("breaks no organisation's membership rules, at either scale (no Youth Union member joined under 16)", () => {
    for (const [scale, d] of [
      ["full", full],
      ["small", small],
    ] as const) {
      const byId = new Map(d.organisations.map((o) => [o.id, o]));
      const broken = new Map<string, number>();
      let youngYouth = 0;
      for (const m of d.members) {
        const o = byId.get(m.organisationId)!;
        const body = { kind: o.kind, isGrassrootsUnion: o.workplaceSector !== null };
        for (const rule of brokenMembershipRules(body, m, REGISTER_UNTIL))
          broken.set(`${o.kind}:${rule}`, (broken.get(`${o.kind}:${rule}`) ?? 0) + 1);
        if (o.kind === OrganisationKind.YOUTH_UNION && Number(m.joinedOn.slice(0, 4)) - m.birthYear! < 16) youngYouth++;
        assert.ok(m.joinedOn <= REGISTER_UNTIL && (m.leftOn === null || m.leftOn > m.joinedOn), `${scale}: dates`);
      }
      assert.deepEqual(Object.fromEntries(broken), {}, scale);
      assert.equal(youngYouth, 0, scale);
      const women = d.members.filter((m) => byId.get(m.organisationId)!.kind === OrganisationKind.WOMENS_UNION);
      assert.ok(women.length > 0 && women.every((m) => m.gender === Gender.FEMALE), scale);
    }
  });

  it("puts every trade union member in a grassroots union, and gives every committee of the register's map members", () => {
    for (const d of [full, small]) {
      const byId = new Map(d.organisations.map((o) => [o.id, o]));
      const labour = d.members.filter((m) => byId.get(m.organisationId)!.kind === OrganisationKind.LABOUR_FEDERATION);
      assert.ok(labour.every((m) => byId.get(m.organisationId)!.workplaceSector !== null));
      const holding = new Set(d.members.map((m) => m.organisationId));
      // The 2019 map's committees (the 2025 committees': continued.test.ts).
      const without = d.organisations.filter(
        (o) =>
          o.validFrom === null &&
          !holding.has(o.id) &&
          !(o.kind === OrganisationKind.LABOUR_FEDERATION && o.workplaceSector === null),
      );
      assert.deepEqual(
        without.map((o) => o.id),
        [],
      );
    }
  });

  it("seats each organisation's own titles: the Youth Union's secretary, one head at a time", () => {
    const byId = new Map(full.organisations.map((o) => [o.id, o]));
    const seated = new Map<string, (typeof full.positions)[number][]>();
    for (const p of full.positions) {
      const kind = byId.get(p.organisationId)!.kind;
      assert.notEqual(titleName(kind, p.title), null, `${p.organisationId} ${p.title}`);
      const others = seated.get(p.organisationId) ?? [];
      assert.equal(conflictingHead(others, p), undefined, `${p.organisationId}: one head at a time`);
      seated.set(p.organisationId, [...others, p]);
    }
    const youthHeads = full.positions.filter((p) => p.organisationId === "DTN-89" && p.title === "SECRETARY");
    assert.ok(youthHeads.length > 0);
    assert.ok(!full.positions.some((p) => p.organisationId.startsWith("DTN-") && p.title === "CHAIR"));
  });

  it("apportions a total exactly, in proportion", () => {
    assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
    assert.deepEqual(apportion(7, [0, 2, 5]), [0, 2, 5]);
    assert.deepEqual(apportion(5, [0, 0]), [0, 0]);
    const parts = apportion(117_556, [3, 7, 11, 13]);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      117_556,
    );
  });
});
