import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANALYST, startHarness, type Harness } from "../testing/harness.js";

const AGGREGATE = `query($groupBy: [PetitionDimension!]!, $orderBy: [PetitionAggregateOrder!]) {
  petitionAggregate(unitCode: "89", from: "2015-01-01", to: "2020-12-31", groupBy: $groupBy, orderBy: $orderBy, first: 1000) {
    rows { district { code } status received forwarded forwardOverdue }
  }
}`;
const STATISTICS = `{ petitionStatistics(unitCode: "89", from: "2015-01-01", to: "2020-12-31") { forwarded forwardAnswered forwardOverdue } }`;

interface Row {
  district: { code: string } | null;
  status: string | null;
  received: number;
  forwarded: number;
  forwardOverdue: number;
}

describe("petitionAggregate: the forwarded cases' measures", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const aggregate = async (vars: Record<string, unknown>) => {
    const r = await h.run(AGGREGATE, { identity: ANALYST, variables: vars });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data!.petitionAggregate as { rows: Row[] }).rows;
  };

  it("adds up to petitionStatistics by district, and by status all in FORWARDED", async () => {
    const stats = (await h.run(STATISTICS)).data!.petitionStatistics as Record<string, number>;
    assert.ok(stats.forwarded > 0 && stats.forwardOverdue > 0, `the seed forwards: ${JSON.stringify(stats)}`);
    assert.ok(stats.forwardAnswered <= stats.forwarded);
    const sum = (rows: Row[], m: "forwarded" | "forwardOverdue") => rows.reduce((a, r) => a + r[m], 0);
    const byDistrict = await aggregate({ groupBy: ["DISTRICT"] });
    assert.equal(sum(byDistrict, "forwarded"), stats.forwarded);
    assert.equal(sum(byDistrict, "forwardOverdue"), stats.forwardOverdue);
    const byStatus = await aggregate({ groupBy: ["STATUS"] });
    const forwarded = byStatus.find((r) => r.status === "FORWARDED")!;
    assert.equal(forwarded.forwarded, stats.forwarded);
    assert.equal(forwarded.received, stats.forwarded, "every FORWARDED petition was forwarded");
    assert.ok(byStatus.filter((r) => r.status !== "FORWARDED").every((r) => r.forwarded === 0));
  });

  it("sorts by FORWARDED, most first", async () => {
    const rows = await aggregate({ groupBy: ["DISTRICT"], orderBy: [{ by: "FORWARDED", direction: "DESC" }] });
    const counts = rows.map((r) => r.forwarded);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    assert.ok(counts[0]! > counts.at(-1)!);
  });
});
