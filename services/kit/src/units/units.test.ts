import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ancestorCodes,
  childrenOf,
  districtOf,
  parseUnitsCsv,
  referenceUnits,
  subtreeCodes,
  unitByCode,
} from "./index.js";

describe("reference administrative units", () => {
  it("ships An Giang's 1 province, 11 district-level and 156 commune-level units", () => {
    const by = (level: string) => referenceUnits.filter((u) => u.level === level).length;
    assert.equal(by("PROVINCE"), 1);
    assert.equal(by("DISTRICT"), 11);
    assert.equal(by("COMMUNE"), 156);
    assert.equal(new Set(referenceUnits.map((u) => u.code)).size, 168);
    const kinds = (kind: string) => referenceUnits.filter((u) => u.kind === kind).length;
    assert.deepEqual([kinds("Phường"), kinds("Thị trấn"), kinds("Xã")], [21, 16, 119]);
  });

  it("links every unit to an existing parent and walks the tree", () => {
    for (const u of referenceUnits) if (u.parentCode) assert.ok(unitByCode(u.parentCode), u.code);
    assert.equal(unitByCode("883")?.name, "Thành phố Long Xuyên");
    assert.equal(childrenOf("883").length, 13);
    assert.equal(subtreeCodes("89").length, 168);
    assert.equal(subtreeCodes("883").length, 14);
    assert.deepEqual(ancestorCodes("30280"), ["883", "89"]);
    assert.equal(districtOf("30280"), "883");
    assert.equal(districtOf("89"), null);
    assert.deepEqual(subtreeCodes("nope"), []);
  });

  it("rejects a CSV with another header or a malformed row", () => {
    assert.throws(() => parseUnitsCsv("a,b\n1,2"), /unexpected header/);
    assert.throws(() => parseUnitsCsv("code,name,kind,level,parent_code\n1,X,Y,CITY,"), /line 2/);
  });
});
