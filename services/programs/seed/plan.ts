import { referenceUnits, type ReferenceUnit } from "@danvan/kit/units";
import type { SeededRandom } from "@danvan/kit/seeding";

export type SeedScale = "small" | "full";
export const SCALES: readonly SeedScale[] = ["small", "full"];

/**
 * The province's published figures (docs/product.md, "Province dataset"): the full dataset has
 * exactly these; the small one keeps the same rates on fewer households.
 */
export const PUBLISHED = {
  households: 539_500,
  poor2019: 14_170,
  nearPoor2019: 29_414,
  fundRaisedVnd: 1_376_270_000_000n,
  housesHandedOver: 25_226,
} as const;

export const YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019] as const;

/**
 * Poor and near-poor households at each year's review, province-wide (full scale). The end-2010
 * review applied the 2011–2015 income standard and the end-2016 one the multidimensional 2016–2020
 * standard, so the count jumps in 2016 and falls again.
 */
const POOR_BY_YEAR = [41_300, 36_900, 31_800, 27_200, 23_400, 19_900, 34_600, 27_900, 21_300, PUBLISHED.poor2019];
const NEAR_POOR_BY_YEAR = [
  33_800,
  34_500,
  33_100,
  31_600,
  29_800,
  27_700,
  36_900,
  34_300,
  31_800,
  PUBLISHED.nearPoor2019,
];

/** Households per district (census 2019 population shares) and how much poorer than average it is. */
const DISTRICTS: Record<string, { people: number; povertyFactor: number }> = {
  "883": { people: 272, povertyFactor: 0.45 }, // Long Xuyên
  "884": { people: 120, povertyFactor: 0.6 }, // Châu Đốc
  "886": { people: 149, povertyFactor: 1.5 }, // An Phú
  "887": { people: 140, povertyFactor: 1.0 }, // Tân Châu
  "888": { people: 187, povertyFactor: 1.0 }, // Phú Tân
  "889": { people: 210, povertyFactor: 1.1 }, // Châu Phú
  "890": { people: 124, povertyFactor: 2.0 }, // Tịnh Biên
  "891": { people: 133, povertyFactor: 2.4 }, // Tri Tôn
  "892": { people: 149, povertyFactor: 1.0 }, // Châu Thành
  "893": { people: 307, povertyFactor: 0.9 }, // Chợ Mới
  "894": { people: 172, povertyFactor: 0.9 }, // Thoại Sơn
};

export interface ScaleSpec {
  households: number;
  contributionsPerFundYear: { province: number; district: number; commune: number };
  models: number;
  projects: number;
}

export const SPECS: Record<SeedScale, ScaleSpec> = {
  small: {
    households: 2_000,
    contributionsPerFundYear: { province: 3, district: 2, commune: 1 },
    models: 30,
    projects: 20,
  },
  full: {
    households: PUBLISHED.households,
    contributionsPerFundYear: { province: 120, district: 40, commune: 22 },
    models: 2_400,
    projects: 600,
  },
};

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
 * earlier index): the parts always add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]![1]]!++;
  return parts;
}

export interface CommunePlan {
  unit: ReferenceUnit;
  districtCode: string;
  households: number;
  firstHouseholdId: number;
  /** Poor and near-poor households at each year's review (index: year - 2010). */
  poor: number[];
  nearPoor: number[];
  housesHandedOver: number;
}

/** How the scale's totals fall on the real communes: households, poverty per year and houses. */
export function planCommunes(scale: SeedScale, rng: SeededRandom): CommunePlan[] {
  const spec = SPECS[scale];
  const ratio = spec.households / PUBLISHED.households;
  const communes = referenceUnits.filter((u) => u.level === "COMMUNE");
  const perDistrict = new Map<string, number>();
  for (const c of communes) perDistrict.set(c.parentCode!, (perDistrict.get(c.parentCode!) ?? 0) + 1);
  const size = communes.map(
    (c) => ((DISTRICTS[c.parentCode!]?.people ?? 150) / perDistrict.get(c.parentCode!)!) * (0.7 + rng.next() * 0.6),
  );
  const households = apportion(spec.households, size);
  const povertyWeight = communes.map(
    (c, i) =>
      households[i]! *
      (DISTRICTS[c.parentCode!]?.povertyFactor ?? 1) *
      (c.kind === "Phường" ? 0.6 : 1) *
      (0.75 + rng.next() * 0.5),
  );
  const byYear = (totals: readonly number[]) => totals.map((t) => apportion(Math.round(t * ratio), povertyWeight));
  const poor = byYear(POOR_BY_YEAR);
  const near = byYear(NEAR_POOR_BY_YEAR);
  const everPoor = communes.map((_, i) => poor.reduce((s, y) => s + y[i]!, 0));
  const houses = apportion(Math.round(PUBLISHED.housesHandedOver * ratio), everPoor);
  let next = 1;
  return communes.map((unit, i) => {
    const plan: CommunePlan = {
      unit,
      districtCode: unit.parentCode!,
      households: households[i]!,
      firstHouseholdId: next,
      poor: poor.map((y) => y[i]!),
      nearPoor: near.map((y) => y[i]!),
      housesHandedOver: houses[i]!,
    };
    next += households[i]!;
    if (plan.poor.some((p, y) => p + plan.nearPoor[y]! > plan.households))
      throw new Error(`commune ${unit.code}: more poor and near-poor than households`);
    return plan;
  });
}
