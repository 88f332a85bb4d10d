import { isKienGiangUnit, unitVersions, type UnitVersion } from "@danvan/kit";
import type { SeededRandom } from "@danvan/kit/seeding";
import { apportion, perCommune, SPECS, type SeedScale } from "./plan.js";
import { LATER_YEARS, REGISTER_HOUSEHOLDS } from "./published-figures.js";

/*
 * Old Kiên Giang (province 91 before 2025-07-01: 15 districts, 143 communes) from its end-2020
 * review (issue 27). Sources in services/kit/data/README.md ("Programs: 2020–2026", old Kiên Giang);
 * "synthetic" marks a value no public source gives.
 */

/**
 * Old Kiên Giang's review register, registered in 2020: synthetic, chosen so both published rates
 * of the end-2020 review round to the published ones on it (8,790 / 460,200 = 1.91%, 19,378 /
 * 460,200 = 4.21%; Decision 24/QĐ-UBND of 2021-01-06). No source gives the register itself.
 */
export const KG_REGISTER_HOUSEHOLDS = 460_200;

/**
 * Poor households at each review, by LATER_YEARS (end-2020 … end-2025). 2020: 8,790, published
 * (Decision 24/QĐ-UBND, mttqkiengiang.org.vn and bdt.kiengiang.gov.vn); 2024: 5,891, the published
 * rate 1.28% (baochinhphu 2024-10-10) of the register; 2021–2023 synthetic, between; 2025 synthetic,
 * on the trend (no source found).
 */
export const KG_POOR = [8_790, 8_100, 7_300, 6_600, 5_891, 5_100] as const;

/** Near-poor households at each review: 2020 published (19,378, Decision 24/QĐ-UBND); 2021–2025 synthetic, falling. */
export const KG_NEAR_POOR = [19_378, 18_300, 17_100, 15_900, 14_800, 13_700] as const;

/** The first day a Kiên Giang household is registered, and the last (the day before the end-2020 review). */
export const KG_REGISTERED_FROM = "2020-01-01";
export const KG_REGISTERED_TO = "2020-11-29";

/** One old Kiên Giang commune's households and poor and near-poor at each review (by LATER_YEARS). */
export interface KienGiangPlan {
  unit: UnitVersion;
  districtCode: string;
  households: number;
  firstHouseholdId: number;
  poor: number[];
  nearPoor: number[];
}

/** Old Kiên Giang's 143 communes, as the kit lists them (kien-giang-units-2025.csv), by code. */
export function kienGiangCommunes(): UnitVersion[] {
  return unitVersions
    .filter((v) => isKienGiangUnit(v) && v.level === "COMMUNE")
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The register at a scale: 460,200 at full scale, the same share of An Giang's at the small one. */
export const kgHouseholds = (scale: SeedScale): number =>
  Math.round((KG_REGISTER_HOUSEHOLDS * SPECS[scale].households) / REGISTER_HOUSEHOLDS);

/**
 * The register and the reviews' totals on old Kiên Giang's communes (no per-commune source: the
 * weights are synthetic). Households: each commune a weight of 0.7–1.3 drawn from the stream. Poor
 * and near-poor: a commune's households times a jitter of 0.75–1.25, 0.6 for a ward or township
 * (towns are less poor, as in the An Giang part). Ids follow `firstHouseholdId`.
 */
export function planKienGiang(scale: SeedScale, rng: SeededRandom, firstHouseholdId: number): KienGiangPlan[] {
  const ratio = SPECS[scale].households / REGISTER_HOUSEHOLDS;
  const communes = kienGiangCommunes();
  const size = communes.map(() => 0.7 + rng.next() * 0.6);
  const households = apportion(kgHouseholds(scale), size);
  const jitter = communes.map(() => 0.75 + rng.next() * 0.5);
  const weight = communes.map((c, i) => households[i]! * jitter[i]! * (c.kind === "Xã" ? 1 : 0.6));
  const poor = LATER_YEARS.map((_, y) => perCommune(communes, KG_POOR[y]!, undefined, weight, ratio));
  const near = LATER_YEARS.map((_, y) => perCommune(communes, KG_NEAR_POOR[y]!, undefined, weight, ratio));
  let next = firstHouseholdId;
  return communes.map((unit, i) => {
    const plan: KienGiangPlan = {
      unit,
      districtCode: unit.parentCode!,
      households: households[i]!,
      firstHouseholdId: next,
      poor: poor.map((y) => y[i]!),
      nearPoor: near.map((y) => y[i]!),
    };
    next += households[i]!;
    if (plan.poor.some((p, y) => p + plan.nearPoor[y]! > plan.households))
      throw new Error(`commune ${unit.code}: more poor and near-poor than households`);
    return plan;
  });
}
