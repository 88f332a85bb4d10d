import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { placeholders } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";

/**
 * The grouped aggregates on either map (issue 27): AS_RECORDED puts each fact under the unit
 * version its code named on the fact's date, TODAY under the 2025 commune its commune went into
 * (no districts); the rows add up to the same totals on both.
 */

type Unit = { code: string; validFrom: string } | null;
interface Result {
  rows: { district: Unit; commune: Unit; n: number }[];
  totalRows: number;
  coverage: { complete: boolean; approximate: boolean; countedWholeUnits: { code: string }[] };
}

const AGGREGATES = {
  householdAggregate: { args: "year: 2019", measure: "households" },
  supportAggregate: { args: `from: "2017-03-15", to: "2019-11-20"`, measure: "events" },
  contributionAggregate: { args: `from: "2010-01-01", to: "2026-12-31"`, measure: "contributions" },
  houseAggregate: { args: "", measure: "houses" },
} as const;

describe("grouped aggregates on either map (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  async function aggregate(
    name: keyof typeof AGGREGATES,
    unitCode: string,
    groupBy: string[],
    map: "AS_RECORDED" | "TODAY" | null,
  ): Promise<Result> {
    const a = AGGREGATES[name];
    const r = await h.run(
      `query($u: ID!, $g: [${name.replace("Aggregate", "").replace(/^./, (c) => c.toUpperCase())}Dimension!]!${map ? ", $m: UnitMap" : ""}) {
        x: ${name}(unitCode: $u, ${a.args}${a.args ? ", " : ""}groupBy: $g, first: 1000${map ? ", map: $m" : ""}) {
          rows { district { code validFrom } commune { code validFrom } n: ${a.measure} } totalRows
          coverage { complete approximate countedWholeUnits { code } } } }`,
      { variables: { u: unitCode, g: groupBy, ...(map ? { m: map } : {}) } },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.x as Result;
  }
  const total = (r: Result) => r.rows.reduce((s, x) => s + x.n, 0);

  for (const name of Object.keys(AGGREGATES) as (keyof typeof AGGREGATES)[]) {
    it(`${name}: the same totals on both maps; TODAY groups under 2025 communes, without districts`, async () => {
      const all = await aggregate(name, "89", [], null);
      const t = total(all);
      assert.ok(t > 0);
      assert.equal(all.coverage.approximate, false);

      const recorded = await aggregate(name, "89", ["COMMUNE"], "AS_RECORDED");
      assert.equal(total(recorded), t);
      const communes = recorded.rows.filter((r) => r.commune).map((r) => r.commune!);
      assert.ok(communes.length > 10, String(communes.length));
      assert.ok(communes.every((c) => c.validFrom < "2025-07-01"));
      assert.equal(recorded.coverage.approximate, false);

      const districts = await aggregate(name, "89", ["DISTRICT"], "AS_RECORDED");
      assert.equal(total(districts), t);
      assert.ok(districts.rows.filter((r) => r.district).length >= 11);

      const today = await aggregate(name, "89", ["COMMUNE"], "TODAY");
      assert.equal(total(today), t);
      const todays = today.rows.filter((r) => r.commune).map((r) => r.commune!);
      assert.ok(todays.length > 0 && todays.length <= 102, String(todays.length));
      assert.ok(todays.every((c) => c.validFrom === "2025-07-01"));
      assert.equal(new Set(todays.map((c) => c.code)).size, todays.length);
      // Three of old An Giang's communes were split in 2025: their facts are under one part.
      assert.equal(today.coverage.approximate, true);
      assert.ok(today.coverage.countedWholeUnits.length > 0);

      const noDistricts = await aggregate(name, "89", ["DISTRICT"], "TODAY");
      assert.deepEqual(
        noDistricts.rows.map((r) => r.district),
        [null],
      );
      assert.equal(total(noDistricts), t);
      assert.equal(noDistricts.coverage.approximate, false);

      // Phường Long Xuyên: its predecessors' facts, one row on today's map.
      const longXuyen = await aggregate(name, "30307", ["COMMUNE"], "TODAY");
      assert.deepEqual(
        longXuyen.rows.map((r) => r.commune),
        [{ code: "30307", validFrom: "2025-07-01" }],
      );
      const asRecorded = await aggregate(name, "30307", ["COMMUNE"], null);
      assert.equal(total(asRecorded), total(longXuyen));
      const wards = ["30280", "30283", "30285", "30286", "30295", "30298", "30307"];
      // The six old wards and Đông Xuyên until they ended, and the ward's own facts from 2025-07-01.
      assert.ok(
        asRecorded.rows.every(
          (r) =>
            (wards.includes(r.commune!.code) && r.commune!.validFrom < "2025-07-01") ||
            (r.commune!.code === "30307" && r.commune!.validFrom === "2025-07-01"),
        ),
      );
    });
  }

  it("a code used twice is two rows as recorded: Phường Mỹ Hòa's 2019 money and Phường Long Xuyên's 2026", async () => {
    const [template] = (await h.ds.query(
      placeholders(h.ds, `SELECT * FROM contribution WHERE unit_code = ? ORDER BY id LIMIT 1`),
      ["30307"],
    )) as Record<string, unknown>[];
    assert.ok(template);
    const columns = Object.keys(template).filter((c) => c !== "id");
    const values = columns.map((c) =>
      c === "received_on" ? "2026-02-02" : c === "receipt_number" ? "TEST-2026-0001" : template[c],
    );
    // The ward's own contributions on the 2025 map before this one (the seed continues through 2026).
    const before = await aggregate("contributionAggregate", "30307", ["DISTRICT", "COMMUNE"], "AS_RECORDED");
    const before2025 =
      before.rows.find((r) => r.commune?.code === "30307" && r.commune.validFrom === "2025-07-01")?.n ?? 0;
    await h.ds.query(
      placeholders(
        h.ds,
        `INSERT INTO contribution (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      ),
      values,
    );
    const recorded = await aggregate("contributionAggregate", "30307", ["DISTRICT", "COMMUNE"], "AS_RECORDED");
    const mine = recorded.rows.filter((r) => r.commune?.code === "30307");
    assert.deepEqual(
      mine.map((r) => [r.district, r.commune!.validFrom, r.n]).sort(),
      [
        [{ code: "883", validFrom: "2010-01-01" }, "2010-01-01", mine.find((r) => r.commune!.validFrom < "2025")!.n],
        [null, "2025-07-01", before2025 + 1],
      ].sort(),
    );
    const today = await aggregate("contributionAggregate", "30307", ["COMMUNE"], "TODAY");
    assert.equal(total(today), total(recorded));
  });
});
