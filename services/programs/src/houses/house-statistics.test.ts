import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { figureUnit, inWindows, windowsOf } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";

type Row = {
  commune_code: string;
  status: string;
  kind: string;
  proposed_on: string;
  approved_on: string | null;
  construction_started_on: string | null;
  handed_over_on: string | null;
  cancelled_on: string | null;
};
type Stats = {
  total: number;
  byStatus: { status: string; count: number }[];
  byKind: { kind: string; count: number }[];
};

/** The date a house reached its current state, computed here independently of the statement under test. */
function reachedOn(r: Row): string {
  const by: Record<string, string | null> = {
    PROPOSED: r.proposed_on,
    APPROVED: r.approved_on,
    UNDER_CONSTRUCTION: r.construction_started_on,
    HANDED_OVER: r.handed_over_on,
    CANCELLED: r.cancelled_on,
  };
  return String(by[r.status]);
}

describe("house statistics (public aggregates) equal independent counts", () => {
  let h: Harness;
  let rows: Row[];
  before(async () => {
    h = await startHarness();
    rows = (await h.ds.query(
      "SELECT commune_code, status, kind, proposed_on, approved_on, construction_started_on, handed_over_on, cancelled_on FROM solidarity_house",
    )) as Row[];
    assert.ok(rows.length >= 20, "the small seed holds houses");
  });
  after(async () => h.close());

  // A house is a unit's when it was proposed at one of the unit's commune versions while in force:
  // a code reused in 2025 names another unit from 2025-07-01.
  const expected = (unitCode: string, from: string | null, to: string | null) => {
    const windows = windowsOf(figureUnit(unitCode));
    const mine = rows.filter(
      (r) =>
        inWindows(windows, r.commune_code, String(r.proposed_on).slice(0, 10)) &&
        (!from || reachedOn(r) >= from) &&
        (!to || reachedOn(r) <= to),
    );
    const count = (keep: (r: Row) => boolean) => mine.filter(keep).length;
    return {
      total: mine.length,
      byStatus: ["PROPOSED", "APPROVED", "UNDER_CONSTRUCTION", "HANDED_OVER", "CANCELLED"].map((status) => ({
        status,
        count: count((r) => r.status === status),
      })),
      byKind: ["NEW", "REPAIR"].map((kind) => ({ kind, count: count((r) => r.kind === kind) })),
    };
  };

  const withAHouse = () => rows[0]!.commune_code;

  for (const [from, to] of [
    [null, null],
    ["2015-01-01", "2019-12-31"],
  ] as const) {
    it(`for the province, a district and a commune, period ${from ?? "open"} – ${to ?? "open"}, without a token`, async () => {
      const commune = withAHouse();
      const q = `query($from: Date, $to: Date, $commune: ID!) {
        province: houseStatistics(unitCode: "89", from: $from, to: $to) { total byStatus { status count } byKind { kind count } }
        district: houseStatistics(unitCode: "883", from: $from, to: $to) { total byStatus { status count } byKind { kind count } }
        commune: houseStatistics(unitCode: $commune, from: $from, to: $to) { total byStatus { status count } byKind { kind count } unit { code } }
      }`;
      const r = await h.run(q, { variables: { from, to, commune } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data!.province as Stats, expected("89", from, to));
      assert.deepEqual(r.data!.district as Stats, expected("883", from, to));
      const { unit, ...communeStats } = r.data!.commune as Stats & { unit: { code: string } };
      assert.deepEqual(communeStats, expected(commune, from, to));
      assert.equal(unit.code, commune);
      // Three units asked in one request: one aggregate statement (plus none per unit).
      assert.equal(r.statements, 1);
    });
  }

  it("feeds the fund summary: houses handed over in the period by kind", async () => {
    const r = await h.run(
      `{ fundSummary(unitCode: "89", from: "2010-01-01", to: "2019-12-31") { housesBuilt housesRepaired } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const handed = rows.filter(
      (r) => r.status === "HANDED_OVER" && r.handed_over_on! >= "2010-01-01" && r.handed_over_on! <= "2019-12-31",
    );
    assert.deepEqual(r.data!.fundSummary, {
      housesBuilt: handed.filter((r) => r.kind === "NEW").length,
      housesRepaired: handed.filter((r) => r.kind === "REPAIR").length,
    });
  });

  it("refuses an unknown unit and a reversed period", async () => {
    const unknown = await h.run(`{ houseStatistics(unitCode: "99999") { total } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const reversed = await h.run(`{ houseStatistics(unitCode: "89", from: "2020-01-01", to: "2019-01-01") { total } }`);
    assert.equal(reversed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  });
});
