/**
 * An Giang's published figures that the full dataset reproduces exactly. Each is cited, with what
 * it gives, in services/kit/data/README.md ("Province dataset: published figures"); a figure
 * marked "derived" is the published total less the published parts. Years are review years: a
 * review is held at the end of its year (src/poverty/standards.data.ts).
 */

/** The province's review register at the end of 2019: 14,170 poor are 2.63% and 29,414 near-poor 5.45% of it. */
export const REGISTER_HOUSEHOLDS = 539_500;

/** The 2019 census (0:00 on 1 April 2019), province-wide: people and households. */
export const CENSUS_2019 = { people: 1_908_352, households: 525_656 } as const;

export interface DistrictFigures {
  name: string;
  /** People counted by the 2019 census. */
  censusPeople: number;
  /** Households on the review register at the end of 2016 (Decision 407/QĐ-UBND); Thoại Sơn derived. */
  register2016: number;
}

/** The eleven district-level units (GSO codes). */
export const DISTRICTS: Record<string, DistrictFigures> = {
  "883": { name: "Long Xuyên", censusPeople: 272_365, register2016: 74_058 },
  "884": { name: "Châu Đốc", censusPeople: 101_765, register2016: 28_890 },
  "886": { name: "An Phú", censusPeople: 148_615, register2016: 45_354 },
  "887": { name: "Tân Châu", censusPeople: 141_211, register2016: 43_903 },
  "888": { name: "Phú Tân", censusPeople: 188_951, register2016: 53_575 },
  "889": { name: "Châu Phú", censusPeople: 206_676, register2016: 60_099 },
  "890": { name: "Tịnh Biên", censusPeople: 108_562, register2016: 30_853 },
  "891": { name: "Tri Tôn", censusPeople: 117_431, register2016: 34_162 },
  "892": { name: "Châu Thành", censusPeople: 151_368, register2016: 41_529 },
  "893": { name: "Chợ Mới", censusPeople: 307_981, register2016: 86_713 },
  "894": { name: "Thoại Sơn", censusPeople: 163_427, register2016: 44_628 },
};

/** The review years of the dataset. */
export const YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019] as const;

/**
 * Poor households at each review, province-wide. 2010–2012: only the rate is published (9.16%,
 * 7.84%, 6.17%): the count gives that rate on the register. 2013–2016 and 2019: the published
 * counts (their published rates are of the register of that year, a little larger than 2019's).
 * 2017–2018: none found; synthetic, between 2016's and 2019's.
 */
export const POOR_BY_YEAR = [49_418, 42_297, 33_287, 26_945, 19_840, 45_789, 36_726, 27_900, 21_300, 14_170] as const;

/**
 * Near-poor households at each review. 2015: only the rate is published (5.15%): the count gives it
 * on the register. 2016 and 2019: published. Other years: none found; synthetic.
 */
export const NEAR_POOR_BY_YEAR = [
  33_800, 34_500, 33_100, 31_600, 29_800, 27_784, 32_845, 31_700, 30_500, 29_414,
] as const;

/** Poor households per district where published (a year's other districts share the rest). */
export const POOR_BY_DISTRICT: Partial<Record<(typeof YEARS)[number], Record<string, number>>> = {
  2013: { "883": 1_054, "884": 276, "886": 4_262, "887": 1_273 },
  2014: { "883": 812, "884": 43, "886": 3_267, "887": 945 },
  2015: { "883": 1_567, "884": 581, "886": 7_997, "887": 2_786 },
  2016: {
    "883": 1_005,
    "884": 396,
    "886": 6_713,
    "887": 2_445,
    "888": 2_803,
    "889": 3_502,
    "890": 4_417,
    "891": 6_323,
    "892": 2_189,
    "893": 4_262,
    "894": 2_671, // derived
  },
};

/** Near-poor households per district where published. */
export const NEAR_POOR_BY_DISTRICT: Partial<Record<(typeof YEARS)[number], Record<string, number>>> = {
  2016: {
    "883": 2_565,
    "884": 995,
    "886": 4_981,
    "887": 2_843,
    "888": 3_936,
    "889": 3_952,
    "890": 1_906,
    "891": 2_455,
    "892": 3_075,
    "893": 2_992,
    "894": 3_145, // derived
  },
};

/** People in the poor households of a review, province-wide and per district where published. */
export const PEOPLE_IN_POOR_HOUSEHOLDS: Partial<
  Record<(typeof YEARS)[number], { province: number; byDistrict: Record<string, number> }>
> = {
  2014: { province: 85_243, byDistrict: { "883": 3_490, "884": 189, "886": 14_374, "887": 4_063 } },
  2015: { province: 174_367, byDistrict: { "883": 5_474, "884": 2_135, "886": 31_445, "887": 9_901 } },
};

/** The Fund for the Poor 2010–2019 (the province's report of 2020). */
export const FUND_RAISED_VND = 1_376_270_000_000n;
export const HOUSES_HANDED_OVER = 25_226;
/** Of those, newly built (the rest, 7,620, repaired): the split the project has always stated (README). */
export const HOUSES_NEW = 17_606;
/** "hơn 3,4 triệu lượt hộ": the published household-visits of 2010–2019 are over this (and under 3.5 million). */
export const SUPPORT_VISITS_OVER = 3_400_000;

/*
 * 2020 – 2026-11-30 (issue 27): the dataset continues for old An Giang's communes, on the old map to
 * 2025-06-30 and on the 2025 map from 2025-07-01, to a fixed last day. Sources in
 * services/kit/data/README.md ("Programs: 2020–2026"); "synthetic" marks a value no public source
 * gives, chosen between its neighbours.
 */

/** The last day of the dataset: fixed, so the seed stays deterministic. */
export const LAST_DAY = "2026-11-30";

/** The review years after 2019: end-2020 … end-2024 on the old map, end-2025 on the 2025 map. */
export const LATER_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
export type LaterYear = (typeof LATER_YEARS)[number];

/**
 * The register stays 539,500 households: no source gives old An Giang's register for 2020–2025
 * (vietnamnet's 3.81% and 5.89% imply about 527,000, the reporter's division, not a published
 * figure), so no household is added.
 *
 * Poor households at each later review:
 * - 2020: none found (Decision 576/QĐ-LĐTBXH has it, its annex was not readable): synthetic, on
 *   from 2019's 14,170 under the same standard;
 * - 2021: 20,074, published (vietnamnet: "Toàn tỉnh có 20.074 hộ nghèo (tỷ lệ 3,81%)"), the
 *   baseline of the 2022–2025 programme, the first review under Decree 07/2021;
 * - 2022 and 2024: only the poor + near-poor rate is published (7.42% and 4.61%, dantri
 *   2025-12-26): the two add up to that rate of the register (40,031 and 24,871); the split is synthetic;
 * - 2023: synthetic, between; poor + near-poor over 24,000, as the chairman said in December 2024 (lecourrier);
 * - 2025: none found (the province's target was 0.91% poor, 2% near-poor): synthetic.
 */
export const POOR_LATER = [10_900, 20_074, 15_200, 11_400, 8_600, 5_900] as const;

/** Near-poor households at each later review: 2021 published (31,046, 5.89%); 2022 and 2024 the rest of the published rate; else synthetic. */
export const NEAR_POOR_LATER = [27_600, 31_046, 24_831, 20_100, 16_271, 12_400] as const;

/**
 * Poor and near-poor households of Tri Tôn (891) where published (giamngheo.mic.gov.vn, 2023-11-03:
 * from 3,586 at the start of the 2022–2025 programme, the end-2021 review, to 2,900 with 3,780 near-poor, the end-2022 review).
 */
export const POOR_BY_DISTRICT_LATER: Partial<Record<LaterYear, Record<string, number>>> = {
  2021: { "891": 3_586 },
  2022: { "891": 2_900 },
};
export const NEAR_POOR_BY_DISTRICT_LATER: Partial<Record<LaterYear, Record<string, number>>> = {
  2022: { "891": 3_780 },
};

/** The years of support, contributions and houses after 2019 (2026 to LAST_DAY). */
export const LATER_ACTIVITY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

/**
 * Raised by the Fund for the Poor, all levels, per year (2026 to 30 November). 2020: the first nine
 * months are "trên 172 tỉ đồng" (plo.vn, 2020-10-30): 172,400,000,000 from 1 January to
 * 30 September (the amount within the bound is synthetic), the year's total synthetic. 2021–2026:
 * none found for old An Giang alone: synthetic, falling like the merged province's term report
 * (sggp, 2025-11-28: over 145 billion for both old provinces from mid-2024).
 */
export const FUND_RAISED_LATER_VND = [
  236_000_000_000n,
  205_000_000_000n,
  190_000_000_000n,
  184_000_000_000n,
  160_000_000_000n,
  130_000_000_000n,
  118_000_000_000n,
] as const;
export const FUND_RAISED_JAN_SEP_2020_VND = 172_400_000_000n;

/**
 * Great Solidarity houses handed over per year, and of them newly built. 2020: 1,500 new houses in
 * the first nine months (plo.vn, 2020-10-30: "chi cất mới 1.500 căn nhà Đại đoàn kết"), reproduced
 * as 1,500 new houses handed over from 1 January to 30 September; the rest synthetic, below the
 * merged province's term report (1,530 built and 1,193 repaired from mid-2024, both old provinces).
 */
export const HOUSES_LATER = [
  { handedOver: 2_400, built: 1_850 },
  { handedOver: 2_100, built: 1_500 },
  { handedOver: 2_000, built: 1_400 },
  { handedOver: 2_100, built: 1_500 },
  { handedOver: 2_000, built: 1_450 },
  { handedOver: 1_300, built: 800 },
  { handedOver: 900, built: 550 },
] as const;
export const HOUSES_BUILT_JAN_SEP_2020 = 1_500;
