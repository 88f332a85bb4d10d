import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BadUserInputError } from "../errors.js";
import { checkGrouping } from "./aggregate-args.js";
import { suppressSmallCells } from "./suppression.js";
import { monthsIn, timeBucketOf } from "./time-buckets.js";

describe("the analysts' aggregates' shared rules", () => {
  it("buckets dates by month, quarter and year", () => {
    assert.equal(timeBucketOf("MONTH", "2019-03-31"), "2019-03");
    assert.equal(timeBucketOf("QUARTER", "2019-03-31"), "2019-Q1");
    assert.equal(timeBucketOf("QUARTER", "2019-04-01"), "2019-Q2");
    assert.equal(timeBucketOf("QUARTER", "2019-12-31"), "2019-Q4");
    assert.equal(timeBucketOf("YEAR", "2019-12-31"), "2019");
    assert.equal(monthsIn("2019-01-15", "2019-12-01"), 12);
    assert.equal(monthsIn("2018-12-31", "2019-01-01"), 2);
  });

  it("nulls the measures of a row counted under five, and leaves zero and five alone", () => {
    const rows = [
      { kind: "A", members: 4, share: 0.1 },
      { kind: "B", members: 5, share: 0.2 },
      { kind: "C", members: 0, share: 0 },
    ];
    assert.deepEqual(suppressSmallCells(rows, "members", ["members", "share"]), [
      { kind: "A", members: null, share: null, suppressed: true },
      { kind: "B", members: 5, share: 0.2, suppressed: false },
      { kind: "C", members: 0, share: 0, suppressed: false },
    ]);
  });

  it("refuses a grouping's faults by path, all at once", () => {
    assert.doesNotThrow(() =>
      checkGrouping({ groupBy: ["DISTRICT", "KIND"], orderBy: [{ by: "EVENTS" }], first: 10, measures: ["EVENTS"] }),
    );
    assert.throws(
      () =>
        checkGrouping({
          groupBy: ["DISTRICT", "DISTRICT"],
          orderBy: [{ by: "KIND" }],
          first: 5000,
          measures: ["EVENTS"],
        }),
      (e: unknown) =>
        e instanceof BadUserInputError &&
        JSON.stringify(e.extensions.fields) ===
          JSON.stringify([
            { path: "groupBy.1", message: "names a dimension already in the grouping" },
            { path: "orderBy.0.by", message: "must be a dimension of the grouping or a measure" },
            { path: "first", message: "must be from 1 to 1000" },
          ]),
    );
  });
});
