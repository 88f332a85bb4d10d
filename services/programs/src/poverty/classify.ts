import { PovertyStatus } from "./poverty-status.js";

/** The thresholds the rule needs, as whole VND per person per month. */
export interface PovertyRule {
  poorIncomeMaxVnd: bigint | null;
  bandIncomeMaxVnd: bigint;
  /** null: an income-only standard (Decision 09/2011), where the whole band is near-poor. */
  minDeprivations: number | null;
  /** Upper end of the middle-living-standard band above `bandIncomeMaxVnd`; null: the standard has none. */
  middleIncomeMaxVnd: bigint | null;
}

export interface HouseholdMeasure {
  /** Average monthly income per person, whole VND. */
  monthlyIncomePerPersonVnd: bigint;
  /** Basic social services the household lacks (of the standard's indicators). */
  deprivations: number;
}

/**
 * Classifies a household under one area's rule of a standard (docs/product.md, "Poverty standards"):
 * - Decision 59/2015/QĐ-TTg (2016–2020): rural poor ≤ 700,000, or 700,000–1,000,000 with ≥ 3 of
 *   10 deprivations; near-poor: that band with < 3; urban 900,000 / 900,000–1,300,000.
 * - Decree 07/2021/NĐ-CP (2022–2025): income ≤ 1,500,000 rural / 2,000,000 urban with ≥ 3 of 12
 *   deprivations is poor, with fewer near-poor (no income-only poor line).
 * Which standard a review year applies is standards.data.ts's.
 */
export function classify(m: HouseholdMeasure, rule: PovertyRule): PovertyStatus {
  if (m.monthlyIncomePerPersonVnd < 0n) throw new RangeError("income cannot be negative");
  if (rule.poorIncomeMaxVnd !== null && m.monthlyIncomePerPersonVnd <= rule.poorIncomeMaxVnd) return PovertyStatus.POOR;
  if (m.monthlyIncomePerPersonVnd <= rule.bandIncomeMaxVnd) {
    return rule.minDeprivations !== null && m.deprivations >= rule.minDeprivations
      ? PovertyStatus.POOR
      : PovertyStatus.NEAR_POOR;
  }
  return PovertyStatus.NOT_POOR;
}

/**
 * Whether a household lives at the standard's middle living standard ("hộ có mức sống trung bình"):
 * income above the poverty band, up to the band's top — Decision 59/2015/QĐ-TTg Article 2.3 (rural
 * 1,000,000–1,500,000, urban 1,300,000–1,950,000) and Decree 07/2021/NĐ-CP Article 3.3 (rural
 * 1,500,000–2,250,000, urban 2,000,000–3,000,000), lower bounds excluded. null when the standard
 * defines no such band (Decision 09/2011). Income alone decides: a household in it is never poor
 * or near-poor, whose incomes are at most the band's lower bound.
 */
export function isMiddleLivingStandard(m: HouseholdMeasure, rule: PovertyRule): boolean | null {
  if (m.monthlyIncomePerPersonVnd < 0n) throw new RangeError("income cannot be negative");
  if (rule.middleIncomeMaxVnd === null) return null;
  return m.monthlyIncomePerPersonVnd > rule.bandIncomeMaxVnd && m.monthlyIncomePerPersonVnd <= rule.middleIncomeMaxVnd;
}

/** One area's thresholds of a standard (as standards.data.ts or the poverty_threshold table hold them) as a rule. */
export function ruleOf(t: {
  poorIncomeMaxVnd: bigint | number | null;
  bandIncomeMaxVnd: bigint | number;
  minDeprivations: number | null;
  middleIncomeMaxVnd: bigint | number | null;
}): PovertyRule {
  return {
    poorIncomeMaxVnd: t.poorIncomeMaxVnd === null ? null : BigInt(t.poorIncomeMaxVnd),
    bandIncomeMaxVnd: BigInt(t.bandIncomeMaxVnd),
    minDeprivations: t.minDeprivations,
    middleIncomeMaxVnd: t.middleIncomeMaxVnd === null ? null : BigInt(t.middleIncomeMaxVnd),
  };
}
