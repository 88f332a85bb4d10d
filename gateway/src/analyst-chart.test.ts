import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chartOf } from "./analyst-chart.js";
import { aggregate, model, SUPPORT_ROWS } from "./testing/analyst-questions.js";

describe("the analyst page's chart", () => {
  const rows = SUPPORT_ROWS;

  it("charts one dimension as bars in the rows' order, and time as lines, one series per other dimension", () => {
    const support = aggregate("support");
    const bars = chartOf(support, ["DISTRICT"], rows.slice(0, 2), "events", model, 12);
    assert.deepEqual(bars, {
      type: "bar",
      labels: ["Thành phố Long Xuyên", "Thành phố Châu Đốc"],
      datasets: [{ label: "Số lượt hỗ trợ", data: [120, 80] }],
      omittedSeries: 0,
    });
    const monthly = [
      { month: "2019-02", kind: "TET_GIFT", events: 5, amountVnd: 1 },
      { month: "2019-01", kind: "TET_GIFT", events: 7, amountVnd: 1 },
      { month: "2019-01", kind: "STUDY", events: 2, amountVnd: "900" },
    ];
    const lines = chartOf(support, ["KIND", "MONTH"], monthly, "amountVnd", model, 12);
    assert.equal(lines.type, "line");
    assert.deepEqual(lines.labels, ["2019-01", "2019-02"]);
    assert.deepEqual(lines.datasets, [
      { label: "học tập", data: [900, null] },
      { label: "quà Tết", data: [1, 1] },
    ]);
    assert.equal(chartOf(support, ["KIND", "MONTH"], monthly, "events", model, 1).omittedSeries, 1);
    // Two communes of one name stay two bars, told apart by their codes.
    const twins = [
      { commune: { code: "30301", name: "Xã Mỹ Hòa" }, events: 4, amountVnd: 1 },
      { commune: { code: "30777", name: "Xã Mỹ Hòa" }, events: 6, amountVnd: 1 },
      { commune: { code: "30280", name: "Phường Mỹ Bình" }, events: 1, amountVnd: 1 },
    ];
    assert.deepEqual(chartOf(support, ["COMMUNE"], twins, "events", model, 12).labels, [
      "Xã Mỹ Hòa (30301)",
      "Xã Mỹ Hòa (30777)",
      "Phường Mỹ Bình",
    ]);
    assert.deepEqual(chartOf(support, ["COMMUNE"], twins, "events", model, 12).datasets[0]!.data, [4, 6, 1]);
  });
});
