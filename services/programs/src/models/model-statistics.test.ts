import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { districtOf, figureUnit, inWindows, windowsOf } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";

type Row = {
  unit_code: string;
  registered_on: string;
  field: string;
  status: string;
  year: number;
  resources_mobilised_vnd: string | number;
};

const FIELDS = ["ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM"];
const STATES = ["REGISTERED", "IMPLEMENTING", "EVALUATED", "RECOGNISED", "NOT_RECOGNISED", "WITHDRAWN"];

describe("model statistics (public aggregates) equal independent counts", () => {
  let h: Harness;
  let rows: Row[];
  before(async () => {
    h = await startHarness();
    rows = (await h.ds.query(
      "SELECT unit_code, registered_on, field, status, year, resources_mobilised_vnd FROM mobilisation_model",
    )) as Row[];
    assert.ok(rows.length >= 20, "the small seed holds models");
  });
  after(async () => h.close());

  /**
   * The models a unit counts, date-aware like the graph: those whose unit was in force on the day
   * they were registered lie in the unit's windows (its units below and its predecessors, kit
   * windowsOf), so old An Giang (89, to 2025-06-30) leaves the 2025 map's models to province 91.
   */
  const of = (unitCode: string) => {
    const windows = windowsOf(figureUnit(unitCode), ["PROVINCE", "DISTRICT", "COMMUNE"]);
    return rows.filter((r) => inWindows(windows, r.unit_code, String(r.registered_on).slice(0, 10)));
  };
  const expected = (unitCode: string, year: number | null) => {
    const mine = of(unitCode).filter((r) => year === null || Number(r.year) === year);
    const resources = mine.reduce((s, r) => s + BigInt(String(r.resources_mobilised_vnd)), 0n);
    return {
      total: mine.length,
      resourcesMobilisedVnd: Number(resources),
      byField: FIELDS.map((field) => ({ field, count: mine.filter((r) => r.field === field).length })),
      byStatus: STATES.map((status) => ({ status, count: mine.filter((r) => r.status === status).length })),
    };
  };

  it("counts the 2025 map's models for province 91 alone, old An Giang's for both", () => {
    const later = rows.filter((r) => String(r.registered_on).slice(0, 10) >= "2025-07-01");
    assert.ok(later.length > 0, "the seed registers models on the 2025 map");
    assert.equal(of("89").length, rows.length - later.length);
    assert.equal(of("91").length, rows.length);
  });

  for (const year of [null, 2019, 2026]) {
    it(`for the province, a district and a commune, ${year ?? "every year"}, in one statement`, async () => {
      const commune = rows.find((r) => r.unit_code.length === 5 && String(r.registered_on) < "2025-07-01")!.unit_code;
      // A commune of the 2025 map (no district), with its predecessors' models.
      const commune2025 = rows.find(
        (r) => r.unit_code.length === 5 && String(r.registered_on) >= "2025-07-01",
      )!.unit_code;
      const district = districtOf(commune)!;
      const s = "total resourcesMobilisedVnd byField { field count } byStatus { status count }";
      const q = `query($year: Int, $district: ID!, $commune: ID!, $commune2025: ID!) {
        province: modelStatistics(unitCode: "89", year: $year) { ${s} }
        today: modelStatistics(unitCode: "91", year: $year) { ${s} }
        district: modelStatistics(unitCode: $district, year: $year) { ${s} }
        commune: modelStatistics(unitCode: $commune, year: $year) { ${s} }
        commune2025: modelStatistics(unitCode: $commune2025, year: $year) { ${s} }
      }`;
      const r = await h.run(q, { variables: { year, district, commune, commune2025 } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data!.province, expected("89", year));
      assert.deepEqual(r.data!.today, expected("91", year));
      assert.deepEqual(r.data!.district, expected(district, year));
      assert.deepEqual(r.data!.commune, expected(commune, year));
      assert.deepEqual(r.data!.commune2025, expected(commune2025, year));
      assert.equal(r.statements, 1);
    });
  }

  it("lists models publicly with filters, equal to an independent count", async () => {
    const r = await h.run(
      `{ mobilisationModels(unitCode: "89", status: RECOGNISED, first: 100) { totalCount edges { node { id status } } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const page = r.data!.mobilisationModels as { totalCount: number; edges: { node: { status: string } }[] };
    const n = of("89").filter((x) => x.status === "RECOGNISED").length;
    assert.equal(page.totalCount, n);
    assert.equal(page.edges.length, Math.min(n, 100));
    const year = await h.run(`{ mobilisationModels(year: 1800) { totalCount } }`);
    assert.deepEqual(year.errors?.[0]?.extensions?.fields, [
      { path: "year", message: "must be a year between 2000 and 2100" },
    ]);
  });
});
