import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { connectionFrom, decodeCursor, encodeCursor, pageRequest } from "./connection.js";

describe("Relay connections", () => {
  it("round-trips cursors for numeric and string keys", () => {
    assert.equal(decodeCursor(encodeCursor(42)), 42);
    assert.equal(decodeCursor(encodeCursor("HND-883")), "HND-883");
  });

  it("refuses a forged cursor with BAD_USER_INPUT on `after`", () => {
    assert.throws(
      () => decodeCursor("bm90LWpzb24"),
      (e: GraphQLError) => e.extensions.code === "BAD_USER_INPUT",
    );
    assert.throws(
      () => pageRequest({ after: "%%%" }),
      (e: GraphQLError) => (e.extensions.fields as { path: string }[])[0]!.path === "after",
    );
  });

  it("defaults `first` to 20 and refuses more than 100 or a negative size", () => {
    assert.deepEqual(pageRequest({}), { limit: 20, afterKey: null });
    assert.equal(pageRequest({ first: 100 }).limit, 100);
    for (const first of [101, 100000, -1]) {
      assert.throws(
        () => pageRequest({ first }),
        (e: GraphQLError) => e.extensions.code === "BAD_USER_INPUT",
      );
    }
  });

  it("builds edges from limit+1 rows, with hasNextPage and a lazy totalCount", async () => {
    let counted = 0;
    const page = pageRequest({ first: 2 });
    const c = connectionFrom(
      [{ id: 1 }, { id: 2 }, { id: 3 }],
      page,
      (r) => r.id,
      () => ++counted && 7,
    );
    assert.deepEqual(
      c.edges.map((e) => e.node.id),
      [1, 2],
    );
    assert.equal(c.pageInfo.hasNextPage, true);
    assert.equal(decodeCursor(c.pageInfo.endCursor!), 2);
    assert.equal(counted, 0, "no count until asked");
    assert.equal(await c.totalCount, 7);
    assert.equal(await c.totalCount, 7);
    assert.equal(counted, 1, "counted once");
    const last = connectionFrom(
      [{ id: 3 }],
      page,
      (r) => r.id,
      () => 0,
    );
    assert.equal(last.pageInfo.hasNextPage, false);
  });
});
