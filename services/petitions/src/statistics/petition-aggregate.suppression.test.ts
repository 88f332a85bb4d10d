import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANONYMOUS, communesIn } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { aggregateQueries, ALL_YEARS, type Row } from "./petition-aggregate.fixture.js";

describe("petitionAggregate: small cells", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { aggregate } = aggregateQueries(() => h);

  it("suppresses the public's cells of 1 to 4 petitions; analysts, administrators and officers in scope see all", async () => {
    const args = { unitCode: "883", ...ALL_YEARS, groupBy: ["YEAR", "KIND"], first: 1000 };
    const full = await aggregate(args, ANALYST);
    const small = full.rows.filter((r) => r.received! > 0 && r.received! < 5);
    assert.ok(
      full.rows.some((r) => r.received! >= 5),
      "and large ones",
    );
    assert.ok(small.length > 0, "the grouping has small cells");
    const key = (r: Row) => `${r.year}/${r.kind}`;
    const smallKeys = new Set(small.map(key));

    for (const who of [ANONYMOUS, officerOf("884"), { sub: "h", roles: ["HANDLING_OFFICER" as const] }]) {
      const pub = await aggregate(args, who);
      assert.equal(pub.totalRows, full.totalRows);
      for (const r of pub.rows) {
        if (smallKeys.has(key(r))) {
          assert.equal(r.suppressed, true, key(r));
          assert.deepEqual(
            [r.received, r.resolved, r.resolvedOnTime, r.overdue, r.medianDaysToResolve],
            [null, null, null, null, null],
          );
        } else {
          assert.equal(r.suppressed, false, key(r));
          assert.ok(r.received! >= 5);
        }
      }
    }
    for (const who of [ANALYST, ADMIN, officerOf("883"), officerOf("89")]) {
      const seen = await aggregate(args, who);
      assert.deepEqual(seen, full);
      assert.ok(seen.rows.every((r) => !r.suppressed));
    }

    // An officer elsewhere in the province sees their own district's row in full, others' as the public.
    const byDistrict = { unitCode: "89", from: "2019-07-01", to: "2019-09-30", groupBy: ["DISTRICT"] };
    const analystView = await aggregate(byDistrict, ANALYST);
    const officerView = await aggregate(byDistrict, officerOf("883"));
    const publicView = await aggregate(byDistrict, ANONYMOUS);
    const smallDistricts = analystView.rows
      .filter((r) => r.received! > 0 && r.received! < 5)
      .map((r) => r.district!.code);
    assert.ok(
      smallDistricts.includes("883") && smallDistricts.length > 1,
      "the quarter has small districts, 883 among them",
    );
    for (const r of officerView.rows) {
      const mine = r.district!.code === "883";
      assert.equal(r.suppressed, !mine && smallDistricts.includes(r.district!.code), r.district!.code);
    }
    assert.equal(publicView.rows.find((r) => r.district!.code === "883")!.suppressed, true);
    // A commune officer's commune is inside 883, so grouped by district 883 stays suppressed for them.
    const communeOfficer = await aggregate(byDistrict, officerOf(communesIn("883")[0]!));
    assert.equal(communeOfficer.rows.find((r) => r.district!.code === "883")!.suppressed, true);
    // Sorted by a measure, suppressed cells come last for the public, so the order hides their counts.
    const sorted = await aggregate({ ...byDistrict, orderBy: [{ by: "RECEIVED", direction: "ASC" }] }, ANONYMOUS);
    const firstSuppressed = sorted.rows.findIndex((r) => r.suppressed);
    assert.ok(firstSuppressed > 0);
    assert.ok(sorted.rows.slice(firstSuppressed).every((r) => r.suppressed));
    assert.deepEqual(
      sorted.rows.slice(firstSuppressed).map((r) => r.district!.code),
      smallDistricts.sort(),
    );
  });
});
