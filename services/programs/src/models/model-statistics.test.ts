import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { districtOf, subtreeCodes } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";

type Row = { unit_code: string; field: string; status: string; year: number; resources_mobilised_vnd: string | number };

const FIELDS = ["ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM"];
const STATES = ["REGISTERED", "IMPLEMENTING", "EVALUATED", "RECOGNISED", "NOT_RECOGNISED", "WITHDRAWN"];

describe("model statistics (public aggregates) equal independent counts", () => {
  let h: Harness;
  let rows: Row[];
  before(async () => {
    h = await startHarness();
    rows = (await h.ds.query(
      "SELECT unit_code, field, status, year, resources_mobilised_vnd FROM mobilisation_model",
    )) as Row[];
    assert.ok(rows.length >= 20, "the small seed holds models");
  });
  after(async () => h.close());

  const expected = (unitCode: string, year: number | null) => {
    const units = new Set(subtreeCodes(unitCode));
    const mine = rows.filter((r) => units.has(r.unit_code) && (year === null || Number(r.year) === year));
    const resources = mine.reduce((s, r) => s + BigInt(String(r.resources_mobilised_vnd)), 0n);
    return {
      total: mine.length,
      resourcesMobilisedVnd: Number(resources),
      byField: FIELDS.map((field) => ({ field, count: mine.filter((r) => r.field === field).length })),
      byStatus: STATES.map((status) => ({ status, count: mine.filter((r) => r.status === status).length })),
    };
  };

  for (const year of [null, 2019]) {
    it(`for the province, a district and a commune, ${year ?? "every year"}, in one statement`, async () => {
      const commune = rows.find((r) => r.unit_code.length === 5)!.unit_code;
      const district = districtOf(commune)!;
      const s = "total resourcesMobilisedVnd byField { field count } byStatus { status count }";
      const q = `query($year: Int, $district: ID!, $commune: ID!) {
        province: modelStatistics(unitCode: "89", year: $year) { ${s} }
        district: modelStatistics(unitCode: $district, year: $year) { ${s} }
        commune: modelStatistics(unitCode: $commune, year: $year) { ${s} }
      }`;
      const r = await h.run(q, { variables: { year, district, commune } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      assert.deepEqual(r.data!.province, expected("89", year));
      assert.deepEqual(r.data!.district, expected(district, year));
      assert.deepEqual(r.data!.commune, expected(commune, year));
      assert.equal(r.statements, 1);
    });
  }

  it("lists models publicly with filters, equal to an independent count", async () => {
    const r = await h.run(
      `{ mobilisationModels(unitCode: "89", status: RECOGNISED, first: 100) { totalCount edges { node { id status } } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const page = r.data!.mobilisationModels as { totalCount: number; edges: { node: { status: string } }[] };
    const n = rows.filter((x) => x.status === "RECOGNISED").length;
    assert.equal(page.totalCount, n);
    assert.equal(page.edges.length, Math.min(n, 100));
    const year = await h.run(`{ mobilisationModels(year: 1800) { totalCount } }`);
    assert.deepEqual(year.errors?.[0]?.extensions?.fields, [
      { path: "year", message: "must be a year between 2000 and 2100" },
    ]);
  });
});
