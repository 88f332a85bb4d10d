import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, type Harness } from "../src/testing/harness.js";
import { buildDataset, seedOrganisations } from "./seed.js";
import { SIZES } from "./published-sizes.js";
import { carriedTargets } from "./carried-targets.js";
import { isMemberOn } from "../src/members/membership.js";
import { referenceUnits } from "@danvan/kit/units";

describe("organisations seed at the default scale (integration)", () => {
  let h: Harness;
  let counts: Record<string, number>;
  before(async () => {
    h = await startHarness({ seed: false });
    counts = await seedOrganisations(h.ds, { scale: "full" });
  });
  after(async () => h.close());

  it("loads at least 100,000 synthetic members on the real units", async () => {
    const [{ n }] = (await h.ds.query(`SELECT COUNT(*) AS n FROM member`)) as { n: number | string }[];
    assert.equal(Number(n), counts.member);
    assert.ok(Number(n) >= 100_000, `${n} members`);
    const codes = referenceUnits.map((u) => `'${u.code}'`).join(", ");
    const [{ units }] = (await h.ds.query(
      `SELECT COUNT(*) AS units FROM administrative_unit WHERE valid_from = '2010-01-01' AND code IN (${codes})`,
    )) as { units: number | string }[];
    assert.equal(Number(units), 168, "old An Giang's 2019 list");
    const [{ links }] = (await h.ds.query(`SELECT COUNT(*) AS links FROM organisation_succession`)) as {
      links: number | string;
    }[];
    assert.equal(Number(links), counts.organisation_succession);
    // Each committee of the 2019 map goes into one, a split commune's into each of its parts (15 committees, 35 parts).
    assert.equal(Number(links), 848 + 35 - 15);
    const [{ carried }] = (await h.ds.query(`SELECT COUNT(*) AS carried FROM member_carry`)) as {
      carried: number | string;
    }[];
    assert.equal(Number(carried), counts.member_carry);
    assert.ok(Number(carried) > 1000);
  });

  it("is deterministic: generating twice gives the same rows, and the database holds them", async () => {
    const { createHash } = await import("node:crypto");
    const digest = () =>
      createHash("sha256")
        .update(JSON.stringify(buildDataset("full").members))
        .digest("hex");
    assert.equal(digest(), digest());
    const generated = buildDataset("full").members;
    const rows = (await h.ds.query(
      `SELECT id, organisation_id, full_name, joined_on, left_on, status FROM member WHERE id IN (1, 5000, 100000) ORDER BY id`,
    )) as {
      id: number;
      organisation_id: string;
      full_name: string;
      joined_on: string;
      left_on: string | null;
      status: string;
    }[];
    assert.equal(rows.length, 3);
    for (const r of rows) {
      const g = generated[Number(r.id) - 1]!;
      assert.deepEqual(
        [r.organisation_id, r.full_name, r.joined_on, r.left_on, r.status],
        [g.organisationId, g.fullName, g.joinedOn, g.leftOn, g.status],
      );
    }
  });

  it("answers each published size exactly from memberCount(asOf) of the province committee, and carries the members over in 2025", async () => {
    const r = await h.run(`{
      farmers: organisation(id: "HND-89") { memberCount(asOf: "${SIZES.FARMERS_UNION.on}") }
      veterans: organisation(id: "CCB-89") { memberCount(asOf: "${SIZES.VETERANS_ASSOCIATION.on}") }
      youth: organisation(id: "DTN-89") { memberCount(asOf: "${SIZES.YOUTH_UNION.on}") }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const count = (k: string) => (r.data![k] as { memberCount: number }).memberCount;
    assert.equal(count("farmers"), 117_556);
    assert.equal(count("veterans"), 12_521);
    assert.equal(count("youth"), SIZES.YOUTH_UNION.members);
    assert.ok(count("youth") > 55_000, "over 55,000");
    // From 2025-07-01 the province's committee counts every member of the old province's still a member.
    const after = await h.run(`{ o: organisation(id: "HND-91-25") { memberCount(asOf: "2025-07-01") } }`);
    const [{ active }] = (await h.ds.query(
      `SELECT COUNT(*) AS active FROM member m JOIN organisation o ON o.id = m.organisation_id
       WHERE o.kind = 'FARMERS_UNION' AND m.joined_on <= '2025-07-01' AND (m.left_on IS NULL OR m.left_on > '2025-07-01')`,
    )) as { active: number | string }[];
    assert.equal((after.data!.o as { memberCount: number }).memberCount, Number(active));
  });

  it("counts in each 2025 commune committee its carried and new members, split communes' by where they live", async () => {
    const d = buildDataset("full");
    const target = carriedTargets(d);
    const byId = new Map(d.organisations.map((o) => [o.id, o]));
    for (const [kind, day] of [
      ["HND", "2026-01-01"],
      ["HPN", "2025-07-01"],
    ] as const) {
      const ids = d.organisations
        .filter((o) => o.id.startsWith(`${kind}-`) && o.validFrom !== null && o.unitCode.length === 5)
        .map((o) => o.id);
      const expected = new Map(ids.map((id) => [id, 0]));
      let old = 0;
      let joinedThatDay = 0;
      d.members.forEach((m, i) => {
        if (!isMemberOn(m, day)) return;
        const to = target(m, i + 1);
        if (to && expected.has(to)) expected.set(to, expected.get(to)! + 1);
        const o = byId.get(m.organisationId)!;
        if (
          o.validFrom === null &&
          o.unitCode.length === 5 &&
          o.workplaceSector === null &&
          o.id.startsWith(`${kind}-`)
        )
          old++;
        if (o.validFrom !== null && expected.has(o.id) && m.joinedOn === day) joinedThatDay++;
      });
      const r = await h.run(
        `{ ${ids.map((id, i) => `c${i}: organisation(id: "${id}") { memberCount(asOf: "${day}") }`).join(" ")} }`,
      );
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const got = ids.map((_, i) => (r.data![`c${i}`] as { memberCount: number }).memberCount);
      assert.deepEqual(
        got,
        ids.map((id) => expected.get(id)!),
        `${kind} on ${day}`,
      );
      // The split communes' parts each count only their own share.
      for (const id of ["30316", "30325", "30337", "30346", "30352"].map((c) => `${kind}-${c}-25`))
        assert.ok(expected.get(id)! > 0, id);
      if (day === "2025-07-01")
        assert.equal(got.reduce((a, b) => a + b, 0) - joinedThatDay, old, "the old communes' members, all carried");
    }
  });

  it("gives every member a join date no later than any leave date and a status matching it", async () => {
    const [{ bad }] = (await h.ds.query(
      `SELECT COUNT(*) AS bad FROM member WHERE (left_on IS NOT NULL AND left_on < joined_on) OR (status = 'ACTIVE') <> (left_on IS NULL)`,
    )) as { bad: number | string }[];
    assert.equal(Number(bad), 0);
  });
});
