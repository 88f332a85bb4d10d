import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classify, isMiddleLivingStandard, ruleOf, type PovertyRule } from "./classify.js";
import { POVERTY_STANDARDS, standardForReviewYear } from "./standards.data.js";
import { PovertyStatus, PovertyTransition, transitionBetween } from "./poverty-status.js";
import { AreaType } from "../households/area-type.js";

const { POOR, NEAR_POOR, NOT_POOR } = PovertyStatus;

/** The rule for a standard and area, read from the same data the migrations load. */
function rule(code: string, area: AreaType): PovertyRule {
  return ruleOf(POVERTY_STANDARDS.find((s) => s.code === code)!.thresholds.find((x) => x.area === area)!);
}
const at = (income: number, deprivations: number, r: PovertyRule) =>
  classify({ monthlyIncomePerPersonVnd: BigInt(income), deprivations }, r);
const middle = (income: number, r: PovertyRule) =>
  isMiddleLivingStandard({ monthlyIncomePerPersonVnd: BigInt(income), deprivations: 0 }, r);
const thresholds = (code: string) =>
  POVERTY_STANDARDS.find((s) => s.code === code)!.thresholds.map((t) => ({
    area: t.area,
    poor: t.poorIncomeMaxVnd,
    band: t.bandIncomeMaxVnd,
    deprivations: t.minDeprivations,
    middle: t.middleIncomeMaxVnd,
  }));

describe("Decision 09/2011/QĐ-TTg (reviews at the end of 2010–2014): income only", () => {
  it("holds its thresholds as data: rural 400,000 / 520,000, urban 500,000 / 650,000, no middle band", () => {
    assert.deepEqual(thresholds("QD09-2011"), [
      { area: AreaType.RURAL, poor: 400_000, band: 520_000, deprivations: null, middle: null },
      { area: AreaType.URBAN, poor: 500_000, band: 650_000, deprivations: null, middle: null },
    ]);
  });

  it("puts a household on each side of each line: poor ≤ the line, near-poor up to the upper line, then neither", () => {
    const rural = rule("QD09-2011", AreaType.RURAL);
    const urban = rule("QD09-2011", AreaType.URBAN);
    assert.deepEqual(
      [at(0, 0, rural), at(400_000, 0, rural), at(400_001, 9, rural), at(520_000, 0, rural), at(520_001, 0, rural)],
      [POOR, POOR, NEAR_POOR, NEAR_POOR, NOT_POOR],
    );
    assert.deepEqual(
      [at(500_000, 0, urban), at(500_001, 0, urban), at(650_000, 0, urban), at(650_001, 0, urban)],
      [POOR, NEAR_POOR, NEAR_POOR, NOT_POOR],
    );
    // deprivations play no part
    assert.equal(at(400_001, 10, rural), NEAR_POOR);
    assert.equal(middle(600_000, rural), null);
    assert.equal(middle(9_000_000, urban), null);
  });
});

describe("Decision 59/2015/QĐ-TTg (reviews at the end of 2015–2020): multidimensional, 10 indicators", () => {
  it("holds its thresholds as data: rural 700,000 / 1,000,000 / 1,500,000, urban 900,000 / 1,300,000 / 1,950,000, 3 deprivations", () => {
    assert.deepEqual(thresholds("QD59-2015"), [
      { area: AreaType.RURAL, poor: 700_000, band: 1_000_000, deprivations: 3, middle: 1_500_000 },
      { area: AreaType.URBAN, poor: 900_000, band: 1_300_000, deprivations: 3, middle: 1_950_000 },
    ]);
  });

  it("rural: ≤ 700,000 poor; in the band poor with ≥ 3 deprivations, else near-poor; then the middle band to 1,500,000", () => {
    const r = rule("QD59-2015", AreaType.RURAL);
    assert.equal(at(0, 0, r), POOR);
    assert.equal(at(700_000, 0, r), POOR);
    assert.equal(at(700_001, 3, r), POOR);
    assert.equal(at(700_001, 2, r), NEAR_POOR);
    assert.equal(at(1_000_000, 10, r), POOR);
    assert.equal(at(1_000_000, 2, r), NEAR_POOR);
    assert.equal(at(1_000_001, 10, r), NOT_POOR);
    assert.deepEqual(
      [middle(1_000_000, r), middle(1_000_001, r), middle(1_500_000, r), middle(1_500_001, r)],
      [false, true, true, false],
    );
  });

  it("urban: ≤ 900,000 poor; 900,000–1,300,000 decided by deprivations; then the middle band to 1,950,000", () => {
    const r = rule("QD59-2015", AreaType.URBAN);
    assert.equal(at(900_000, 0, r), POOR);
    assert.equal(at(900_001, 3, r), POOR);
    assert.equal(at(900_001, 2, r), NEAR_POOR);
    assert.equal(at(1_300_000, 0, r), NEAR_POOR);
    assert.equal(at(1_300_001, 5, r), NOT_POOR);
    assert.deepEqual(
      [middle(1_300_000, r), middle(1_300_001, r), middle(1_950_000, r), middle(1_950_001, r)],
      [false, true, true, false],
    );
    // an income near-poor in town is above the middle band's floor in the countryside
    assert.equal(at(1_000_001, 0, rule("QD59-2015", AreaType.RURAL)), NOT_POOR);
    assert.equal(at(1_000_001, 0, r), NEAR_POOR);
  });
});

describe("Decree 07/2021/NĐ-CP (reviews at the end of 2021–2025; Decree 351/2025 keeps it for 2026): multidimensional, 12 indicators", () => {
  it("holds its thresholds as data: rural 1,500,000 / 2,250,000, urban 2,000,000 / 3,000,000, no income-only line", () => {
    assert.deepEqual(thresholds("ND07-2021"), [
      { area: AreaType.RURAL, poor: null, band: 1_500_000, deprivations: 3, middle: 2_250_000 },
      { area: AreaType.URBAN, poor: null, band: 2_000_000, deprivations: 3, middle: 3_000_000 },
    ]);
  });

  it("rural: ≤ 1,500,000 with ≥ 3 of 12 deprivations poor, with fewer near-poor; above, the middle band to 2,250,000", () => {
    const r = rule("ND07-2021", AreaType.RURAL);
    assert.equal(at(0, 2, r), NEAR_POOR);
    assert.equal(at(0, 3, r), POOR);
    assert.equal(at(1_500_000, 3, r), POOR);
    assert.equal(at(1_500_000, 2, r), NEAR_POOR);
    assert.equal(at(1_500_001, 12, r), NOT_POOR);
    assert.deepEqual(
      [middle(1_500_000, r), middle(1_500_001, r), middle(2_250_000, r), middle(2_250_001, r)],
      [false, true, true, false],
    );
  });

  it("urban: the line is 2,000,000 and the middle band reaches 3,000,000", () => {
    const r = rule("ND07-2021", AreaType.URBAN);
    assert.equal(at(2_000_000, 3, r), POOR);
    assert.equal(at(2_000_000, 0, r), NEAR_POOR);
    assert.equal(at(2_000_001, 3, r), NOT_POOR);
    assert.deepEqual(
      [middle(2_000_000, r), middle(2_000_001, r), middle(3_000_000, r), middle(3_000_001, r)],
      [false, true, true, false],
    );
  });
});

describe("the standards by review year", () => {
  it("applies each standard from the review that opens its period: end-2010, end-2015, end-2021", () => {
    const code = (year: number) => standardForReviewYear(year)?.code ?? null;
    assert.deepEqual([2009, 2010, 2014, 2015, 2016, 2019, 2020, 2021, 2022, 2024, 2025, 2026].map(code), [
      null,
      "QD09-2011",
      "QD09-2011",
      "QD59-2015",
      "QD59-2015",
      "QD59-2015",
      "QD59-2015",
      "ND07-2021",
      "ND07-2021",
      "ND07-2021",
      "ND07-2021",
      null,
    ]);
  });

  it("covers every review year 2010–2025 with exactly one standard, in order", () => {
    for (let year = 2010; year <= 2025; year++)
      assert.equal(POVERTY_STANDARDS.filter((s) => s.fromYear <= year && year <= s.toYear).length, 1, String(year));
    POVERTY_STANDARDS.forEach((s, i) => {
      if (i > 0) assert.equal(s.fromYear, POVERTY_STANDARDS[i - 1]!.toYear + 1, s.code);
    });
  });

  it("refuses a negative income", () => {
    assert.throws(() => at(-1, 0, rule("QD59-2015", AreaType.RURAL)), RangeError);
    assert.throws(() => middle(-1, rule("ND07-2021", AreaType.RURAL)), RangeError);
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
