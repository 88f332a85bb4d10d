import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { splitPeriod, splitPeriodByMonth } from "./period.js";

describe("periods split into whole units and partial edges", () => {
  it("by month: whole months from the rollup, the partial months at either end from the rows", () => {
    const cases: [string, string, ReturnType<typeof splitPeriodByMonth>][] = [
      ["2019-01-01", "2019-12-31", { months: ["2019-01", "2019-12"], edges: [] }],
      ["2019-02-01", "2019-02-28", { months: ["2019-02", "2019-02"], edges: [] }],
      ["2020-02-01", "2020-02-28", { months: null, edges: [["2020-02-01", "2020-02-28"]] }],
      ["2020-02-01", "2020-02-29", { months: ["2020-02", "2020-02"], edges: [] }],
      [
        "2018-03-15",
        "2019-11-20",
        {
          months: ["2018-04", "2019-10"],
          edges: [
            ["2018-03-15", "2018-03-31"],
            ["2019-11-01", "2019-11-20"],
          ],
        },
      ],
      ["2019-05-03", "2019-05-20", { months: null, edges: [["2019-05-03", "2019-05-20"]] }],
      ["2018-12-15", "2019-01-20", { months: null, edges: [["2018-12-15", "2019-01-20"]] }],
      ["2018-12-15", "2019-01-31", { months: ["2019-01", "2019-01"], edges: [["2018-12-15", "2018-12-31"]] }],
      ["2019-04-01", "2019-06-10", { months: ["2019-04", "2019-05"], edges: [["2019-06-01", "2019-06-10"]] }],
      ["2019-06-30", "2019-06-30", { months: null, edges: [["2019-06-30", "2019-06-30"]] }],
    ];
    for (const [from, to, expected] of cases)
      assert.deepEqual(splitPeriodByMonth(from, to), expected, `${from} – ${to}`);
  });

  it("by year, as before", () => {
    assert.deepEqual(splitPeriod("2018-03-15", "2019-12-31"), {
      years: [2019, 2019],
      edges: [["2018-03-15", "2018-12-31"]],
    });
  });
});
