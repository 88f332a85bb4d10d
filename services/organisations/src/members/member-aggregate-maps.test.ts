import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { coverageOf, historyVersionsOf, inForceOn, latestUnit } from "@danvan/kit/units";
import { statementsFor } from "@danvan/kit/testing";
import { placeholders } from "@danvan/kit";
import { ADMIN, ANALYST, startHarness, type Harness } from "../testing/harness.js";

const DAY = "2026-01-01";

const AGGREGATE = `query($unitCode: ID!, $asOf: Date, $groupBy: [MemberDimension!]!, $map: UnitMap) {
  memberAggregate(unitCode: $unitCode, asOf: $asOf, groupBy: $groupBy, map: $map, first: 1000) {
    totalRows
    rows { district { code validFrom } commune { code name level validFrom } members }
    coverage { complete approximate uncoveredUnits { code name validFrom } countedWholeUnits { code validFrom } }
  }
}`;

interface Place {
  code: string;
  name: string;
  level: string;
  validFrom: string;
}
interface Aggregate {
  totalRows: number;
  rows: { district: { code: string; validFrom: string } | null; commune: Place | null; members: number }[];
  coverage: {
    complete: boolean;
    approximate: boolean;
    uncoveredUnits: { code: string; name: string; validFrom: string }[];
    countedWholeUnits: { code: string; validFrom: string }[];
  };
}

/**
 * memberAggregate on either map (issue 27): the same totals as memberCount on the map as recorded
 * and on today's, its coverage, and a 2025 unit's figure before 2025 as its predecessors'.
 * SQLite and PostgreSQL (TEST_DATABASE=postgres).
 */
describe("memberAggregate on either map", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    const r = await h.run(`mutation($input: RecordMemberInput!) { recordMember(input: $input) { id } }`, {
      identity: ADMIN,
      variables: {
        input: {
          organisationId: "HPN-30307-25",
          fullName: "Trần Thị Mới",
          gender: "FEMALE",
          birthYear: 1990,
          joinedOn: "2025-09-01",
        },
      },
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  });
  after(async () => h.close());

  async function aggregate(variables: Record<string, unknown>): Promise<Aggregate> {
    const r = await h.run(AGGREGATE, { identity: ANALYST, variables });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.memberAggregate as Aggregate;
  }
  const sum = (a: Aggregate) => a.rows.reduce((n, r) => n + r.members, 0);

  /** memberCount on DAY of every committee of each 2025 commune, and of the province's. */
  async function countsOf2025(): Promise<{ province: number; byCommune: Map<string, number> }> {
    const r = await h.run(`{
      province: administrativeUnit(code: "91") { organisations { memberCount(asOf: "${DAY}") } }
      communes: administrativeUnits(parentCode: "91") { code organisations { memberCount(asOf: "${DAY}") } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const total = (os: { memberCount: number }[]) => os.reduce((n, o) => n + o.memberCount, 0);
    const d = r.data as {
      province: { organisations: { memberCount: number }[] };
      communes: { code: string; organisations: { memberCount: number }[] }[];
    };
    assert.equal(d.communes.length, 102);
    return {
      province: total(d.province.organisations),
      byCommune: new Map(d.communes.map((c) => [c.code, total(c.organisations)])),
    };
  }

  it("adds up to the province's memberCount on both maps; today's map has the 2025 communes and no districts", async () => {
    const counts = await countsOf2025();
    const recorded = await aggregate({ unitCode: "91", asOf: DAY, groupBy: ["DISTRICT", "COMMUNE"] });
    const today = await aggregate({ unitCode: "91", asOf: DAY, groupBy: ["DISTRICT", "COMMUNE"], map: "TODAY" });
    assert.ok(counts.province > 1000);
    assert.equal(sum(recorded), counts.province);
    assert.equal(sum(today), counts.province);
    // Today's map: each 2025 commune's row is what its committees count; the rest (district and
    // province committees' own members, grassroots unions) has no commune.
    assert.ok(today.rows.every((r) => r.district === null));
    for (const r of today.rows.filter((x) => x.commune !== null)) {
      assert.equal(r.commune!.validFrom, "2025-07-01");
      assert.equal(r.members, counts.byCommune.get(r.commune!.code), r.commune!.code);
    }
    const inCommunes = [...counts.byCommune.values()].reduce((a, b) => a + b, 0);
    assert.equal(today.rows.find((r) => r.commune === null)?.members, counts.province - inCommunes);
    // As recorded: each member under the commune and district of their committee, as it knew them:
    // code 30307 is Phường Mỹ Hòa (district 883) for the members carried over, Phường Long Xuyên for the joiner.
    const at30307 = recorded.rows.filter((r) => r.commune?.code === "30307");
    assert.deepEqual(
      at30307.map((r) => [r.commune!.name, r.commune!.validFrom, r.district?.code ?? null]),
      [
        ["Phường Mỹ Hòa", "2010-01-01", "883"],
        ["Phường Long Xuyên", "2025-07-01", null],
      ],
    );
    // Phường Long Xuyên's row: the members on the rows of its own 2025 committees (the seed's joiners
    // from 2025-07-01, issue 27, and the one recorded above), counted from the rows.
    const [{ n }] = (await h.ds.query(
      placeholders(
        h.ds,
        `SELECT COUNT(*) AS n FROM member m JOIN organisation o ON o.id = m.organisation_id
         WHERE o.unit_code = '30307' AND o.valid_from IS NOT NULL AND o.workplace_sector IS NULL
           AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)`,
      ),
      [DAY, DAY],
    )) as { n: number | string }[];
    assert.ok(Number(n) > 1, "the seed's joiners and the one recorded");
    assert.equal(at30307[1]!.members, Number(n));
  });

  it("counts a 2025 unit before 2025 as its predecessors, and an old unit on today's map under its successor", async () => {
    const longXuyen = latestUnit("30307")!;
    const olds = historyVersionsOf(longXuyen)
      .filter((v) => inForceOn(v, "2020-01-01"))
      .map((v) => v.code)
      .sort();
    const r = await h.run(
      `{ administrativeUnits(parentCode: "883", asOf: "2020-01-01") { code organisations { memberCount(asOf: "2020-01-01") } } }`,
    );
    const old = new Map(
      (r.data!.administrativeUnits as { code: string; organisations: { memberCount: number }[] }[]).map((u) => [
        u.code,
        u.organisations.reduce((n, o) => n + o.memberCount, 0),
      ]),
    );
    const then = await aggregate({ unitCode: "30307", asOf: "2020-01-01", groupBy: ["COMMUNE"] });
    assert.deepEqual(
      then.rows.map((x) => x.commune!.code),
      olds,
    );
    for (const x of then.rows) assert.equal(x.members, old.get(x.commune!.code), x.commune!.code);
    const onToday = await aggregate({ unitCode: "30307", asOf: "2020-01-01", groupBy: ["COMMUNE"], map: "TODAY" });
    assert.deepEqual(
      onToday.rows.map((x) => [x.commune!.code, x.members]),
      [["30307", sum(then)]],
    );
  });

  it("says what the figures rest on: old Kiên Giang's communes without records, split communes", async () => {
    const province = await aggregate({ unitCode: "91", asOf: DAY, groupBy: [] });
    const expected = coverageOf("91")!;
    assert.equal(province.coverage.complete, false);
    assert.equal(province.coverage.uncoveredUnits.length, expected.uncovered.length);
    assert.ok(province.coverage.uncoveredUnits.every((u) => u.name.length > 0 && u.validFrom === "2010-01-01"));
    const longXuyen = await aggregate({ unitCode: "30307", asOf: DAY, groupBy: [] });
    assert.deepEqual(longXuyen.coverage, {
      complete: true,
      approximate: false,
      uncoveredUnits: [],
      countedWholeUnits: [],
    });
    // Xã Vĩnh Châu went in part into 30316 and 30325: its members are divided between them by the
    // kit's rule (keyed by the member's id; no record says where a member lives), so still flagged.
    const split = await aggregate({ unitCode: "30325", asOf: DAY, groupBy: [] });
    assert.equal(split.coverage.approximate, true);
    assert.ok(split.coverage.countedWholeUnits.some((u) => u.code === "30334"));
  });

  it("reads the coverage's units in one statement, however many there are", async () => {
    const q = `query($u: ID!) { memberAggregate(unitCode: $u, asOf: "${DAY}", groupBy: []) {
      coverage { uncoveredUnits { code name } countedWholeUnits { code } } } }`;
    const units = (d: Record<string, unknown>) =>
      (d.memberAggregate as { coverage: { uncoveredUnits: unknown[] } }).coverage.uncoveredUnits.length;
    const none = await statementsFor(h, q, { variables: { u: "30325" }, count: () => 1, min: 1 });
    const many = await statementsFor(h, q, { variables: { u: "91" }, count: units, min: 100 });
    assert.equal(many, none);
  });
});
