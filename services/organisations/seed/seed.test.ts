import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { organisationRows, unitRows } from "./seed.js";
import { SeededRandom } from "@danvan/kit/seeding";

describe("organisations seed", () => {
  it("builds 168 units and 1,008 committees whose parents precede them", () => {
    assert.equal(unitRows().length, 168);
    const { organisations, closure } = organisationRows();
    assert.equal(organisations.length, 1008);
    const seen = new Set<string>();
    for (const o of organisations) {
      if (o.parentId) assert.ok(seen.has(o.parentId), `${o.id} after its parent`);
      seen.add(o.id);
    }
    // each committee is its own ancestor, communes have 2 more, districts 1 more
    assert.equal(closure.length, 168 * 6 + 156 * 6 * 2 + 11 * 6);
  });

  it("marks the illustrative remote-area communes: the communes of Tịnh Biên and Tri Tôn", () => {
    const remote = unitRows().filter((u) => u.isRemoteArea);
    assert.ok(remote.length > 0);
    assert.ok(remote.every((u) => u.kind === "Xã" && (u.parentCode === "890" || u.parentCode === "891")));
  });

  it("is deterministic: the same seed gives the same sequence", () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 5 }, () => b.next()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const r = new SeededRandom(1);
    for (let i = 0; i < 100; i++) {
      const d = r.dateBetween("2020-01-30", "2020-02-02");
      assert.ok(d >= "2020-01-30" && d <= "2020-02-02");
    }
  });
});
