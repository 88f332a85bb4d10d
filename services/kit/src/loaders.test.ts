import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { groupedLoader, inChunks, keyedLoader, LoaderFamily } from "./loaders.js";

describe("DataLoader helpers", () => {
  it("batches keys asked in one tick into one fetch and answers in key order, null when missing", async () => {
    const calls: number[][] = [];
    const loader = keyedLoader<number, { id: number }>(
      async (ids) => {
        calls.push(ids);
        return ids
          .filter((i) => i !== 2)
          .reverse()
          .map((id) => ({ id }));
      },
      (r) => r.id,
    );
    const out = await Promise.all([loader.load(3), loader.load(1), loader.load(2), loader.load(3)]);
    assert.deepEqual(out, [{ id: 3 }, { id: 1 }, null, { id: 3 }]);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0], [3, 1, 2]);
  });

  it("groups one-to-many rows per key, [] when none", async () => {
    const loader = groupedLoader<string, { parent: string; n: number }>(
      async () => [
        { parent: "a", n: 1 },
        { parent: "b", n: 2 },
        { parent: "a", n: 3 },
      ],
      (r) => r.parent,
    );
    assert.deepEqual(await Promise.all([loader.load("a"), loader.load("c"), loader.load("b")]), [
      [
        { parent: "a", n: 1 },
        { parent: "a", n: 3 },
      ],
      [],
      [{ parent: "b", n: 2 }],
    ]);
  });

  it("chunks a long key list into IN statements of a fixed size", async () => {
    const sizes: number[] = [];
    const keys = Array.from({ length: 25 }, (_, i) => i);
    const rows = await inChunks(keys, async (chunk) => (sizes.push(chunk.length), chunk), 10);
    assert.deepEqual(sizes, [10, 10, 5]);
    assert.deepEqual(rows, keys);
  });

  it("keeps one loader per argument value", () => {
    let made = 0;
    const family = new LoaderFamily(
      (asOf: string) => (
        made++,
        keyedLoader<string, { k: string }>(
          async () => [{ k: asOf }],
          (r) => r.k,
        )
      ),
    );
    assert.equal(family.for("2020-01-01"), family.for("2020-01-01"));
    assert.notEqual(family.for("2020-01-01"), family.for("2021-01-01"));
    assert.equal(made, 2);
  });
});
