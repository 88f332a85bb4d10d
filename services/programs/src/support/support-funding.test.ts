import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { referenceUnits } from "@danvan/kit";
import { fundingOfLevel, SupportFunding } from "./support-funding.js";

describe("which level's fund paid", () => {
  it("reads a fund's level from its unit code's length, as every reference unit's code has it", () => {
    // fundingSql's rule: 2 digits for the province, 3 for a district, 5 for a commune.
    const byLength: Record<number, string> = { 2: "PROVINCE", 3: "DISTRICT", 5: "COMMUNE" };
    for (const u of referenceUnits) assert.equal(byLength[u.code.length], u.level, u.code);
    assert.ok(referenceUnits.length > 150);
  });

  it("names the funding of each level, and no fund", () => {
    assert.deepEqual(
      [fundingOfLevel("PROVINCE"), fundingOfLevel("DISTRICT"), fundingOfLevel("COMMUNE"), fundingOfLevel(null)],
      [
        SupportFunding.PROVINCE_FUND,
        SupportFunding.DISTRICT_FUND,
        SupportFunding.COMMUNE_FUND,
        SupportFunding.NOT_THE_FUND,
      ],
    );
  });
});
