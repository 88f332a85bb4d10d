import { PovertyStatus } from "./poverty-status.js";

/** The thresholds the rule needs, as whole VND per person per month. */
export interface PovertyRule {
  poorIncomeMaxVnd: bigint | null;
  bandIncomeMaxVnd: bigint;
  /** null: an income-only standard (Decision 09/2011), where the whole band is near-poor. */
  minDeprivations: number | null;
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
