import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classify, type PovertyRule } from "./classify.js";
import { POVERTY_STANDARDS } from "./standards.data.js";
import { PovertyStatus, PovertyTransition, transitionBetween } from "./poverty-status.js";
import { AreaType } from "../households/area-type.js";

const { POOR, NEAR_POOR, NOT_POOR } = PovertyStatus;

/** The rule for a standard and area, read from the same data the migration loads. */
function rule(code: string, area: AreaType): PovertyRule {
  const t = POVERTY_STANDARDS.find((s) => s.code === code)!.thresholds.find((x) => x.area === area)!;
  return {
    poorIncomeMaxVnd: t.poorIncomeMaxVnd === null ? null : BigInt(t.poorIncomeMaxVnd),
    bandIncomeMaxVnd: BigInt(t.bandIncomeMaxVnd),
    minDeprivations: t.minDeprivations,
  };
}
const at = (income: number, deprivations: number, r: PovertyRule) =>
  classify({ monthlyIncomePerPersonVnd: BigInt(income), deprivations }, r);

describe("poverty classification under each standard", () => {
  it("Decision 59/2015, rural: ≤ 700,000 poor; 700,000–1,000,000 poor with ≥ 3 deprivations, else near-poor; above, neither", () => {
    const r = rule("QD59-2015", AreaType.RURAL);
    assert.equal(at(0, 0, r), POOR);
    assert.equal(at(700_000, 0, r), POOR);
    assert.equal(at(700_001, 3, r), POOR);
    assert.equal(at(700_001, 2, r), NEAR_POOR);
    assert.equal(at(1_000_000, 10, r), POOR);
    assert.equal(at(1_000_000, 2, r), NEAR_POOR);
    assert.equal(at(1_000_001, 10, r), NOT_POOR);
  });

  it("Decision 59/2015, urban: ≤ 900,000 poor; 900,000–1,300,000 decided by deprivations; above, neither", () => {
    const r = rule("QD59-2015", AreaType.URBAN);
    assert.equal(at(900_000, 0, r), POOR);
    assert.equal(at(900_001, 3, r), POOR);
    assert.equal(at(900_001, 2, r), NEAR_POOR);
    assert.equal(at(1_300_000, 0, r), NEAR_POOR);
    assert.equal(at(1_300_001, 5, r), NOT_POOR);
    // an income that is poor in the countryside is near-poor at most in town
    assert.equal(at(1_000_001, 0, rule("QD59-2015", AreaType.RURAL)), NOT_POOR);
    assert.equal(at(1_000_001, 0, r), NEAR_POOR);
  });

  it("Decree 07/2021, rural: ≤ 1,500,000 with ≥ 3 of 12 deprivations poor, with fewer near-poor; no income-only line", () => {
    const r = rule("ND07-2021", AreaType.RURAL);
    assert.equal(at(0, 2, r), NEAR_POOR);
    assert.equal(at(1_500_000, 3, r), POOR);
    assert.equal(at(1_500_000, 2, r), NEAR_POOR);
    assert.equal(at(1_500_001, 12, r), NOT_POOR);
  });

  it("Decree 07/2021, urban: the line is 2,000,000", () => {
    const r = rule("ND07-2021", AreaType.URBAN);
    assert.equal(at(2_000_000, 3, r), POOR);
    assert.equal(at(2_000_000, 0, r), NEAR_POOR);
    assert.equal(at(2_000_001, 3, r), NOT_POOR);
  });

  it("Decision 09/2011 (income only): rural 400,000 / 520,000, urban 500,000 / 650,000", () => {
    const rural = rule("QD09-2011", AreaType.RURAL);
    const urban = rule("QD09-2011", AreaType.URBAN);
    assert.deepEqual(
      [at(400_000, 0, rural), at(400_001, 9, rural), at(520_000, 0, rural), at(520_001, 0, rural)],
      [POOR, NEAR_POOR, NEAR_POOR, NOT_POOR],
    );
    assert.deepEqual(
      [at(500_000, 0, urban), at(650_000, 0, urban), at(650_001, 0, urban)],
      [POOR, NEAR_POOR, NOT_POOR],
    );
  });

  it("refuses a negative income", () => {
    assert.throws(() => at(-1, 0, rule("QD59-2015", AreaType.RURAL)), RangeError);
  });

  it("covers every year 2011–2025 with exactly one standard", () => {
    for (let year = 2011; year <= 2025; year++) {
      assert.equal(POVERTY_STANDARDS.filter((s) => s.fromYear <= year && year <= s.toYear).length, 1, String(year));
    }
  });

  it("names each year's move: escaped, fell into, remained, first review", () => {
    assert.equal(transitionBetween(null, POOR), PovertyTransition.FIRST_REVIEW);
    assert.equal(transitionBetween(POOR, POOR), PovertyTransition.REMAINED_POOR);
    assert.equal(transitionBetween(POOR, NEAR_POOR), PovertyTransition.ESCAPED_POVERTY);
    assert.equal(transitionBetween(POOR, NOT_POOR), PovertyTransition.ESCAPED_POVERTY);
    assert.equal(transitionBetween(NEAR_POOR, POOR), PovertyTransition.FELL_INTO_POVERTY);
    assert.equal(transitionBetween(NOT_POOR, NEAR_POOR), PovertyTransition.REMAINED_NOT_POOR);
  });
});
