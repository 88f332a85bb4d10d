import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  communeOfTheDay,
  EARLIEST,
  inWindows,
  OPEN_END,
  reviewDay,
  successorsOf,
  unitOn,
  windowRows,
  windowsOf,
  windowsSql,
} from "./index.js";

/** Facts under a reused code belong to the unit the code named on the fact's day (issue 27). */
describe("unit windows and the commune of the day", () => {
  const myHoa = { code: "30307", validFrom: "2010-01-01" };
  const longXuyen = { code: "30307", validFrom: "2025-07-01" };

  it("gives each version its own days of a reused code", () => {
    assert.ok(inWindows(windowsOf(myHoa), "30307", "2025-06-30"));
    assert.ok(!inWindows(windowsOf(myHoa), "30307", "2025-07-01"));
    // Phường Long Xuyên holds 30307's facts of both units, and its predecessors' until they ended.
    assert.ok(inWindows(windowsOf(longXuyen), "30307", "2019-05-01"));
    assert.ok(inWindows(windowsOf(longXuyen), "30307", "2026-01-01"));
    assert.ok(inWindows(windowsOf(longXuyen), "30280", "2025-06-30"));
    assert.ok(!inWindows(windowsOf(longXuyen), "30280", "2025-07-01"));
    // The end-2025 review is on the new map.
    assert.ok(!inWindows(windowsOf(myHoa), "30307", reviewDay(2025)));
    assert.ok(inWindows(windowsOf(myHoa), "30307", reviewDay(2024)));
  });

  it("writes the windows as VALUES rows with an open end, and as SQL by day or by month", () => {
    const rows = windowRows([{ key: "k", unit: longXuyen }]);
    assert.ok(rows.some((r) => r[0] === "k" && r[1] === "30307" && r[2] === "2025-07-01" && r[3] === OPEN_END));
    // A version in force when the records begin also holds facts dated before (a household registered in 2008).
    assert.ok(rows.some((r) => r[1] === "30307" && r[2] === EARLIEST && r[3] === "2025-06-30"));
    const params: string[] = [];
    const sql = windowsSql(windowsOf(myHoa), "c", "d", (v) => (params.push(v), "?"), "month");
    // A month is in the window its first change falls in: July 2025 is no longer Mỹ Hòa's.
    assert.equal(sql, "((c IN (?) AND d >= ? AND d < ?))");
    assert.deepEqual(params, ["30307", "0001-01", "2025-07"]);
    assert.equal(
      windowsSql([], "c", "d", () => "?"),
      "1 = 0",
    );
  });

  it("follows a household's commune through every change to the one of the day", () => {
    // Mỹ Bình (30280) went whole into Phường Long Xuyên; Đông Xuyên through Mỹ Xuyên too.
    assert.equal(communeOfTheDay("30280", "2019-03-01", "2024-01-01"), "30280");
    assert.equal(communeOfTheDay("30280", "2019-03-01", "2026-01-01"), "30307");
    assert.equal(communeOfTheDay("30285", "2019-03-01", "2025-03-01"), "30286");
    assert.equal(communeOfTheDay("30285", "2019-03-01", "2026-01-01"), "30307");
    // A code that named no commune on the recording day (before the records begin).
    assert.equal(communeOfTheDay("30292", "2009-06-01", "2026-01-01"), null);
  });

  it("spreads a split commune's records over its parts, each record always to the same part", () => {
    const split = unitOn("30358", "2025-06-30")!;
    const parts = successorsOf(split)
      .map((s) => s.to.code)
      .sort();
    assert.ok(parts.length > 1 && successorsOf(split).every((s) => s.share === "part"));
    const landed = Array.from({ length: 30 }, (_, key) => communeOfTheDay("30358", "2019-01-01", "2026-01-01", key));
    assert.deepEqual([...new Set(landed)].sort(), parts);
    assert.equal(communeOfTheDay("30358", "2019-01-01", "2026-01-01", 7), landed[7]);
  });
});
