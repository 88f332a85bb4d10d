import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BadUserInputError, NotFoundError, translate } from "@danvan/kit";
import { unitOfTheDay } from "@danvan/kit/units";
import { ancestorsOnDay, communesHolding, districtOfTheDay, districtOnDay } from "./unit-of-the-day.js";

const key = (v: { code: string; validFrom: string }) => `${v.code}@${v.validFrom}`;

/** The field and message (English, Vietnamese) a refusal gives. */
function refusal(f: () => unknown): [string, string, string] {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof BadUserInputError, String(e));
    const [field] = e.problems;
    return [field!.path, translate(field!.message, "en"), translate(field!.message, "vi")];
  }
  throw new Error("not refused");
}

describe("writes on the map of their day (issue 27, pure)", () => {
  it("names the unit a code named on the day, refusing one not in force then, in both languages", () => {
    assert.equal(key(unitOfTheDay("30307", "2026-01-05", "input.communeCode", true)), "30307@2025-07-01");
    assert.equal(key(unitOfTheDay("30307", "2019-06-01", "input.communeCode", true)), "30307@2010-01-01");
    assert.equal(key(unitOfTheDay("30286", "2025-03-01", "input.communeCode", true)), "30286@2025-01-01");
    const [path, en, vi] = refusal(() => unitOfTheDay("30280", "2026-01-05", "input.communeCode", true));
    assert.equal(path, "input.communeCode");
    assert.match(en, /^must name a unit in force on that day/);
    assert.match(vi, /^phải là đơn vị hành chính đang tồn tại vào ngày đó/);
    // Đông Xuyên ended on 2024-12-31; old Kiên Giang's records are not held.
    assert.equal(refusal(() => unitOfTheDay("30285", "2025-01-01", "f", true))[1], en);
    assert.throws(() => unitOfTheDay("883", "2020-01-01", "f", true), NotFoundError, "a district is no commune");
    assert.match(refusal(() => unitOfTheDay("91", "2020-01-01", "f"))[1], /former Kiên Giang/);
    assert.throws(() => unitOfTheDay("99999", "2020-01-01", "f", true), NotFoundError);
  });

  it("keeps the district of the day: the parent while districts exist, none from 2025-07-01", () => {
    assert.equal(districtOfTheDay(unitOfTheDay("30307", "2019-06-01", "f"), "2019-06-01"), "883");
    assert.equal(districtOfTheDay(unitOfTheDay("30307", "2026-01-05", "f"), "2026-01-05"), null);
    assert.equal(districtOfTheDay(unitOfTheDay("890", "2024-01-01", "f"), "2024-01-01"), "890");
    assert.equal(districtOfTheDay(unitOfTheDay("89", "2024-01-01", "f"), "2024-01-01"), null);
  });

  it("follows a record's commune through the changes to the commune holding it on a day", () => {
    const holding = (code: string, on: string) => communesHolding(code, on).map(key);
    assert.deepEqual(holding("30280", "2020-01-01"), ["30280@2010-01-01"]);
    assert.deepEqual(holding("30280", "2026-01-01"), ["30307@2025-07-01"]);
    // Đông Xuyên → Mỹ Xuyên (2025-01-01) → Long Xuyên (2025-07-01).
    assert.deepEqual(holding("30285", "2025-03-01"), ["30286@2025-01-01"]);
    assert.deepEqual(holding("30285", "2026-01-01"), ["30307@2025-07-01"]);
    // Xã Vĩnh Châu went in part into two 2025 communes: both hold it.
    assert.deepEqual(holding("30334", "2026-01-01"), ["30316@2025-07-01", "30325@2025-07-01"]);
    assert.deepEqual(holding("30280", "2009-01-01"), []);
    assert.equal(districtOnDay("30285", "2025-03-01"), "883");
    assert.equal(districtOnDay("30280", "2025-06-30"), "883");
    assert.equal(districtOnDay("30280", "2025-07-01"), null);
    assert.equal(districtOnDay("30280", "2009-06-01"), "883", "before the records: the code's first version");
    assert.deepEqual(ancestorsOnDay(communesHolding("30280", "2026-01-01")[0]!, "2026-01-01").map(key), [
      "91@2025-07-01",
    ]);
  });
});
