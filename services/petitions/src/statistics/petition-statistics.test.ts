import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { placeholders, subtreeCodes } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";

describe("petitionStatistics (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("computes petitionStatistics equal to an independent SQL count", async () => {
    for (const unit of ["89", "883", "30280"]) {
      const r = await h.run(
        `query($u: ID!) { petitionStatistics(unitCode: $u, from: "2019-01-01", to: "2019-12-31") { received resolved resolvedOnTime onTimeRate hotspots resolvedAtGrassroots } }`,
        { variables: { u: unit } },
      );
      const s = r.data!.petitionStatistics as Record<string, number>;
      const codes = subtreeCodes(unit);
      const [row] = (await h.ds.query(
        placeholders(
          h.ds,
          `SELECT COUNT(*) AS received, SUM(CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END) AS resolved,
          SUM(CASE WHEN status = 'RESOLVED' AND (due_on IS NULL OR closed_on <= due_on) THEN 1 ELSE 0 END) AS on_time,
          SUM(CASE WHEN hotspot THEN 1 ELSE 0 END) AS hotspots, SUM(CASE WHEN resolved_at_grassroots THEN 1 ELSE 0 END) AS grassroots
          FROM petition WHERE received_on BETWEEN '2019-01-01' AND '2019-12-31' AND commune_code IN (${codes.map(() => "?").join(", ")})`,
        ),
        codes,
      )) as Record<string, string | number | null>[];
      assert.deepEqual(
        [s.received, s.resolved, s.resolvedOnTime, s.hotspots, s.resolvedAtGrassroots],
        [
          Number(row!.received),
          Number(row!.resolved ?? 0),
          Number(row!.on_time ?? 0),
          Number(row!.hotspots ?? 0),
          Number(row!.grassroots ?? 0),
        ],
      );
      assert.equal(s.onTimeRate, s.resolved ? Math.round((s.resolvedOnTime! / s.resolved) * 10000) / 10000 : 0);
    }
  });
});
