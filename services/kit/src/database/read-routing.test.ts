import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { onlyReads } from "./read-routing.js";

describe("which raw statements may read from a replica", () => {
  it("takes a SELECT and a WITH that only reads (a recursive one included)", () => {
    assert.ok(onlyReads("SELECT 1"));
    assert.ok(onlyReads("  select id from member"));
    assert.ok(onlyReads("WITH RECURSIVE reach(id) AS (SELECT id FROM organisation) SELECT COUNT(*) FROM reach"));
    assert.ok(onlyReads("with x as (select updated_on from t) select * from x"), "a column name is not a write");
  });

  it("keeps on the primary a WITH that writes and anything else", () => {
    assert.equal(onlyReads("WITH moved AS (UPDATE petition SET x = 1 RETURNING id) SELECT * FROM moved"), false);
    assert.equal(onlyReads("WITH d AS (DELETE FROM t RETURNING id) SELECT 1"), false);
    assert.equal(onlyReads("INSERT INTO t VALUES (1)"), false);
    assert.equal(onlyReads("UPDATE t SET a = 1"), false);
  });
});
