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
