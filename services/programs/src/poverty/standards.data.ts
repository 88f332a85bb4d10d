import { AreaType } from "../households/area-type.js";

/**
 * The national poverty standards, loaded as data by the migrations (and by administrators later).
 * Monthly income per person in VND.
 *
 * A review's year is the year it is held: the commune reviews its households at the end of the
 * year and the result is the list of poor and near-poor households for the next year. So a
 * standard for the period 2016–2020 applies to the reviews held at the end of 2015 … 2019, and
 * the province applied each one from the review that opened its period (services/kit/data/README.md,
 * "Poverty standards by review year"):
 * - Decision 09/2011 (2011–2015): the reviews at the end of 2010 … 2014. The end-2010 review
 *   already used it (Chỉ thị 1752/CT-TTg); An Giang's statistics office counts "hộ nghèo từ năm
 *   2010 - 2014 theo chuẩn áp dụng cho giai đoạn 2011-2015".
 * - Decision 59/2015 (2016–2020): the reviews at the end of 2015 … 2020 ("hộ nghèo cuối năm 2015
 *   theo chuẩn nghèo đa chiều áp dụng cho giai đoạn 2016-2020"; the 2021 lists kept it too,
 *   Decree 07/2021 applying from 2022).
 * - Decree 07/2021 (2022–2025): the reviews at the end of 2021 … 2025. The end-2025 review lists the
 *   poor for 2026, and Decree 351/2025/NĐ-CP (the 2026–2030 standard) keeps Decree 07's Article 3
 *   standard "từ ngày 1/1/2026 đến hết ngày 31/12/2026" (huengaynay.vn); its own thresholds (2.2 and
 *   2.8 million VND) apply from 2027, so from the end-2026 review, which the dataset does not reach
 *   (migration 1764100000050).
 */
export const POVERTY_STANDARDS = [
  {
    code: "QD09-2011",
    name: "Chuẩn hộ nghèo, hộ cận nghèo giai đoạn 2011–2015",
    legalBasis: "Quyết định 09/2011/QĐ-TTg",
    fromYear: 2010,
    toYear: 2014,
    deprivationIndicators: 0,
    // Income only: poor at or below the line, near-poor up to the upper line. No middle band.
    thresholds: [
      {
        area: AreaType.RURAL,
        poorIncomeMaxVnd: 400_000,
        bandIncomeMaxVnd: 520_000,
        minDeprivations: null,
        middleIncomeMaxVnd: null,
      },
      {
        area: AreaType.URBAN,
        poorIncomeMaxVnd: 500_000,
        bandIncomeMaxVnd: 650_000,
        minDeprivations: null,
        middleIncomeMaxVnd: null,
      },
    ],
  },
  {
    code: "QD59-2015",
    name: "Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020",
    legalBasis: "Quyết định 59/2015/QĐ-TTg",
    fromYear: 2015,
    toYear: 2020,
    deprivationIndicators: 10,
    // Article 2: poor, near-poor and, clause 3, the middle living standard above the band.
    thresholds: [
      {
        area: AreaType.RURAL,
        poorIncomeMaxVnd: 700_000,
        bandIncomeMaxVnd: 1_000_000,
        minDeprivations: 3,
        middleIncomeMaxVnd: 1_500_000,
      },
      {
        area: AreaType.URBAN,
        poorIncomeMaxVnd: 900_000,
        bandIncomeMaxVnd: 1_300_000,
        minDeprivations: 3,
        middleIncomeMaxVnd: 1_950_000,
      },
    ],
  },
  {
    code: "ND07-2021",
    name: "Chuẩn nghèo đa chiều giai đoạn 2022–2025",
    legalBasis: "Nghị định 07/2021/NĐ-CP",
    fromYear: 2021,
    toYear: 2025,
    deprivationIndicators: 12,
    // Article 3: no income-only poor line; clause 3, the middle living standard above the line.
    thresholds: [
      {
        area: AreaType.RURAL,
        poorIncomeMaxVnd: null,
        bandIncomeMaxVnd: 1_500_000,
        minDeprivations: 3,
        middleIncomeMaxVnd: 2_250_000,
      },
      {
        area: AreaType.URBAN,
        poorIncomeMaxVnd: null,
        bandIncomeMaxVnd: 2_000_000,
        minDeprivations: 3,
        middleIncomeMaxVnd: 3_000_000,
      },
    ],
  },
] as const;

/** The standard the province applied at the review held at the end of `year`, if any. */
export function standardForReviewYear(year: number): (typeof POVERTY_STANDARDS)[number] | undefined {
  return POVERTY_STANDARDS.find((s) => s.fromYear <= year && year <= s.toYear);
}
