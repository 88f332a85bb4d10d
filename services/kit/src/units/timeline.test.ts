import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  communesIn,
  inForceOn,
  latestUnit,
  predecessorsOf,
  PROVINCE_CODE_2025,
  remoteAreaFlags,
  subtreeCodes,
  successorsOf,
  unitOn,
  unitSuccessions,
  unitVersionKey,
  unitVersions,
  versionsOf,
} from "./index.js";
import { parseDataCsv } from "./unit-csv.js";

const inForce = (date: string, level: string) =>
  unitVersions.filter((v) => v.level === level && inForceOn(v, date)).length;

describe("units through time (the kit's timeline)", () => {
  it("has both old provinces' maps until 2025-06-30 and the merged province's from 2025-07-01", () => {
    // Old An Giang 1 + 11 + 156 and old Kiên Giang 1 + 15 + 143 (its list of 2025).
    assert.deepEqual(
      ["PROVINCE", "DISTRICT", "COMMUNE"].map((l) => inForce("2020-06-01", l)),
      [2, 26, 299],
    );
    // Đông Xuyên merged into Mỹ Xuyên on 2025-01-01: 155 + 143.
    assert.equal(inForce("2025-06-30", "COMMUNE"), 298);
    assert.deepEqual(
      ["PROVINCE", "DISTRICT", "COMMUNE"].map((l) => inForce("2025-07-01", l)),
      [1, 0, 102],
    );
    assert.equal(inForce("2009-12-31", "COMMUNE"), 0, "nothing before the records begin");
  });

  it("never has two versions of a code in force on the same day, and ends each the day before the next", () => {
    const codes = new Set(unitVersions.map((v) => v.code));
    for (const code of codes) {
      const list = versionsOf(code);
      for (let i = 1; i < list.length; i++) {
        const end = new Date(`${list[i]!.validFrom}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() - 1);
        assert.equal(list[i - 1]!.validTo, end.toISOString().slice(0, 10), code);
      }
    }
  });

  it("gives every old commune a successor and the 102 new ones 298 predecessors (7 of them in part)", () => {
    const communeLinks = unitSuccessions.filter((s) => s.to.validFrom === "2025-07-01" && s.to.level === "COMMUNE");
    assert.equal(communeLinks.length, 302);
    assert.equal(new Set(communeLinks.map((s) => unitVersionKey(s.from))).size, 298);
    assert.equal(communeLinks.filter((s) => s.share === "part").length, 7);
    for (const v of unitVersions.filter((u) => u.level === "COMMUNE" && u.validTo === "2025-06-30"))
      assert.ok(successorsOf(v).length >= 1, v.code);
    const province = latestUnit(PROVINCE_CODE_2025)!;
    assert.deepEqual(
      predecessorsOf(province).map((s) => [s.from.code, s.from.name]),
      [
        ["89", "Tỉnh An Giang"],
        ["91", "Tỉnh Kiên Giang"],
      ],
    );
  });

  it("tells a reused code's units apart by date", () => {
    assert.equal(unitOn("30307", "2025-06-30")?.name, "Phường Mỹ Hòa");
    assert.equal(unitOn("30307", "2025-07-01")?.name, "Phường Long Xuyên");
    assert.equal(unitOn("91", "2020-01-01")?.name, "Tỉnh Kiên Giang");
    assert.equal(unitOn("91", "2026-01-01")?.name, "Tỉnh An Giang");
    assert.equal(unitOn("883", "2026-01-01"), undefined);
    assert.equal(unitOn("30478", "2021-01-31")?.kind, "Xã");
    assert.equal(unitOn("30478", "2021-02-01")?.kind, "Thị trấn");
  });

  it("scopes a new unit over its predecessors' history, chains included", () => {
    // Phường Long Xuyên: six old wards, Mỹ Xuyên among them, which took Đông Xuyên on 2025-01-01.
    assert.deepEqual(communesIn("30307").sort(), ["30280", "30283", "30285", "30286", "30295", "30298", "30307"]);
    // The merged province: its 102 communes and every old commune of both provinces (156 + 143).
    const all = new Set(communesIn("91"));
    assert.equal(
      all.size,
      new Set([...communesIn("89"), ...unitVersions.filter((v) => v.level === "COMMUNE").map((v) => v.code)]).size,
    );
    assert.ok(communesIn("89").every((c) => all.has(c)));
    // An old unit keeps its own subtree.
    assert.equal(subtreeCodes("883").length, 14);
    assert.equal(subtreeCodes("89").length, 168);
  });

  it("marks the new units remote where any unit they came from was, and the island special zones", () => {
    const flags = remoteAreaFlags(new Set(["30526"]));
    const newUnit = unitOn("30526", "2025-07-01")!;
    assert.equal(flags.get(unitVersionKey(newUnit)), true);
    assert.equal(flags.get(unitVersionKey(unitOn("31078", "2025-07-01")!)), true, "Đặc khu Phú Quốc");
    assert.equal(flags.get(unitVersionKey(unitOn("30307", "2025-07-01")!)), false);
  });

  it("refuses a data file with another header or a short row", () => {
    assert.throws(() => parseDataCsv("a,b\n1,2", ["code", "name"], "x.csv"), /unexpected header/);
    assert.throws(() => parseDataCsv("code,name\n1", ["code", "name"], "x.csv"), /line 2/);
  });
});
