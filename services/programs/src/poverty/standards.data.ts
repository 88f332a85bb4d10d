import { AreaType } from "../households/area-type.js";

/**
 * The national poverty standards, loaded as data by a migration (and by administrators
 * later). Monthly income per person in VND.
 */
export const POVERTY_STANDARDS = [
  {
    code: "QD09-2011",
    name: "Chuẩn hộ nghèo, hộ cận nghèo giai đoạn 2011–2015",
    legalBasis: "Quyết định 09/2011/QĐ-TTg",
    // The nationwide review at the end of 2010 already applied it (Chỉ thị 1752/CT-TTg).
    fromYear: 2010,
    toYear: 2015,
    deprivationIndicators: 0,
    // Income only: poor at or below the line, near-poor up to the upper line.
    thresholds: [
      { area: AreaType.RURAL, poorIncomeMaxVnd: 400_000, bandIncomeMaxVnd: 520_000, minDeprivations: null },
      { area: AreaType.URBAN, poorIncomeMaxVnd: 500_000, bandIncomeMaxVnd: 650_000, minDeprivations: null },
    ],
  },
  {
    code: "QD59-2015",
    name: "Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020",
    legalBasis: "Quyết định 59/2015/QĐ-TTg",
    fromYear: 2016,
    // Reviews for 2021 still used it: Decree 07/2021's standard applies from 2022.
    toYear: 2021,
    deprivationIndicators: 10,
    thresholds: [
      { area: AreaType.RURAL, poorIncomeMaxVnd: 700_000, bandIncomeMaxVnd: 1_000_000, minDeprivations: 3 },
      { area: AreaType.URBAN, poorIncomeMaxVnd: 900_000, bandIncomeMaxVnd: 1_300_000, minDeprivations: 3 },
    ],
  },
  {
    code: "ND07-2021",
    name: "Chuẩn nghèo đa chiều giai đoạn 2022–2025",
    legalBasis: "Nghị định 07/2021/NĐ-CP",
    fromYear: 2022,
    toYear: 2025,
    deprivationIndicators: 12,
    thresholds: [
      { area: AreaType.RURAL, poorIncomeMaxVnd: null, bandIncomeMaxVnd: 1_500_000, minDeprivations: 3 },
      { area: AreaType.URBAN, poorIncomeMaxVnd: null, bandIncomeMaxVnd: 2_000_000, minDeprivations: 3 },
    ],
  },
] as const;
