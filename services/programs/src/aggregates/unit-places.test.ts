import "reflect-metadata";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { UnitMap } from "@danvan/kit/federation";
import { epochOf, epochSql, splitCommunesIn, unitPlaces } from "./unit-places.js";

/** The place table the grouped aggregates join (unit-places.ts), read back row by row. */
const sqlite = { options: { type: "sqlite" } } as unknown as DataSource;

function places(codes: string[], map: UnitMap, on: { sql: string } | { day: string } = { sql: "d" }) {
  const { params } = unitPlaces(sqlite, codes, "x.unit_code", on, { map, flagged: false }).table;
  const rows = new Map<string, string[]>();
  for (let i = 0; i < params.length; i += 6) rows.set(`${params[i]}|${params[i + 1]}`, params.slice(i + 2, i + 6));
  return rows;
}

describe("where the grouped aggregates put a fact", () => {
  it("the epochs are the days the map changed", () => {
    assert.equal(epochOf("2005-05-05"), "2010-01-01");
    assert.equal(epochOf("2019-12-31"), "2010-01-01");
    assert.equal(epochOf("2023-04-09"), "2021-02-01");
    assert.equal(epochOf("2023-04-10"), "2023-04-10");
    assert.equal(epochOf("2026-01-01"), "2025-07-01");
    assert.match(epochSql("d", "day"), /^CASE WHEN d >= '2025-07-01' THEN '2025-07-01' .* ELSE '2010-01-01' END$/);
    assert.match(epochSql("m", "month"), /WHEN m >= '2023-04' THEN '2023-04-10'/);
  });

  it("as recorded: the version of the day and its district of the day", () => {
    const p = places(["30307", "30502", "30285"], UnitMap.AS_RECORDED);
    // Phường Mỹ Hòa in Thành phố Long Xuyên; Phường Long Xuyên from 2025-07-01, without a district.
    assert.deepEqual(p.get("30307|2010-01-01"), ["883@2010-01-01", "30307@2010-01-01", "COMMUNE", "0"]);
    assert.deepEqual(p.get("30307|2025-07-01"), ["", "30307@2025-07-01", "COMMUNE", "0"]);
    // Thị trấn Nhà Bàng of Huyện Tịnh Biên, then Phường Nhà Bàng of Thị xã Tịnh Biên.
    assert.deepEqual(p.get("30502|2021-02-01"), ["890@2010-01-01", "30502@2010-01-01", "COMMUNE", "0"]);
    assert.deepEqual(p.get("30502|2023-04-10"), ["890@2023-04-10", "30502@2023-04-10", "COMMUNE", "0"]);
    // Đông Xuyên ended on 2024-12-31: a later record keeps its last version.
    assert.deepEqual(p.get("30285|2025-07-01"), ["883@2010-01-01", "30285@2010-01-01", "COMMUNE", "0"]);
  });

  it("today: the 2025 commune, no district; a split commune under one part, approximate", () => {
    const p = places(["30285", "883", "30355"], UnitMap.TODAY);
    assert.deepEqual(p.get("30285|2010-01-01"), ["", "30307@2025-07-01", "COMMUNE", "0"]);
    assert.deepEqual(p.get("883|2010-01-01"), ["", "", "DISTRICT", "0"]);
    assert.equal(p.get("30355|2010-01-01")![3], "1");
    assert.deepEqual(
      splitCommunesIn(["30285", "30355"]).map((u) => u.code),
      ["30355"],
    );
  });

  it("one day for every fact: one epoch", () => {
    const p = places(["30307"], UnitMap.AS_RECORDED, { day: "2019-12-31" });
    assert.deepEqual([...p.keys()], ["30307|2010-01-01"]);
  });
});
