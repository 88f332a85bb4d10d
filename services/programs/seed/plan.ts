import { referenceUnits, type ReferenceUnit } from "@danvan/kit/units";
import type { SeededRandom } from "@danvan/kit/seeding";
import {
  DISTRICTS,
  FUND_RAISED_VND,
  HOUSES_HANDED_OVER,
  HOUSES_NEW,
  NEAR_POOR_BY_DISTRICT,
  NEAR_POOR_BY_YEAR,
  PEOPLE_IN_POOR_HOUSEHOLDS,
  POOR_BY_DISTRICT,
  POOR_BY_YEAR,
  REGISTER_HOUSEHOLDS,
  YEARS,
} from "./published-figures.js";

export { YEARS } from "./published-figures.js";

export type SeedScale = "small" | "full";
export const SCALES: readonly SeedScale[] = ["small", "full"];

/**
 * The figures the full dataset has exactly (published-figures.ts); the small one keeps the same
 * rates on fewer households.
 */
export const PUBLISHED = {
  households: REGISTER_HOUSEHOLDS,
  poor2019: POOR_BY_YEAR[9],
  nearPoor2019: NEAR_POOR_BY_YEAR[9],
  fundRaisedVnd: FUND_RAISED_VND,
  housesHandedOver: HOUSES_HANDED_OVER,
  housesNew: HOUSES_NEW,
} as const;

/**
 * How much poorer than the province each district is, poor and near-poor: its rates at the end-2016
 * review over the province's (Decision 407/QĐ-UBND), for the years no district figure is published.
 */
const POVERTY_FACTOR: Record<string, { poor: number; nearPoor: number }> = Object.fromEntries(
  Object.keys(DISTRICTS).map((code) => {
    const d = DISTRICTS[code]!;
    const households = Object.values(DISTRICTS).reduce((s, x) => s + x.register2016, 0);
    const rate = (m: Record<string, number>) =>
      m[code]! / d.register2016 / (Object.values(m).reduce((s, x) => s + x, 0) / households);
    return [code, { poor: rate(POOR_BY_DISTRICT[2016]!), nearPoor: rate(NEAR_POOR_BY_DISTRICT[2016]!) }];
  }),
);

export interface ScaleSpec {
  households: number;
  contributionsPerFundYear: { province: number; district: number; commune: number };
  models: number;
  projects: number;
  /** Whether the people in poor households match the published 2014 and 2015 figures (full scale only). */
  peopleInPoorHouseholds: boolean;
}

export const SPECS: Record<SeedScale, ScaleSpec> = {
  small: {
    households: 2_000,
    contributionsPerFundYear: { province: 3, district: 2, commune: 1 },
    models: 30,
    projects: 20,
    peopleInPoorHouseholds: false,
  },
  full: {
    households: PUBLISHED.households,
    contributionsPerFundYear: { province: 120, district: 40, commune: 22 },
    models: 2_400,
    projects: 600,
    peopleInPoorHouseholds: true,
  },
};

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
 * earlier index): the parts always add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) {
    if (total !== 0) throw new Error(`cannot share ${total} over zero weights`);
    return weights.map(() => 0);
  }
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
  /** People in the commune's households (its district's census population, shared by households). */
  people: number;
  housesHandedOver: number;
  /** Of those, newly built (the rest repaired). */
  housesNew: number;
}

/**
 * A year's households of one status per commune: the published district figures where there are
 * some (each shared over its communes by `weight`), the rest of the province's total over the
 * other districts' communes by `weight`.
 */
export function perCommune(
  communes: readonly ReferenceUnit[],
  total: number,
  byDistrict: Record<string, number> | undefined,
  weight: readonly number[],
  ratio: number,
): number[] {
  const entries = Object.entries(byDistrict ?? {});
  const unpublished = total - entries.reduce((s, [, n]) => s + n, 0);
  if (unpublished < 0) throw new Error("district figures exceed the province's");
  // Scaled together, so the districts' parts and the rest add up to the scaled total exactly
  // (rounding each district alone can leave one household with no commune to go to).
  const scaled = apportion(Math.round(total * ratio), [...entries.map(([, n]) => n), unpublished]);
  const published = Object.fromEntries(entries.map(([code], k) => [code, scaled[k]!]));
  const rest = scaled[entries.length]!;
  const out = new Array<number>(communes.length).fill(0);
  const share = (members: number[], n: number) =>
    apportion(
      n,
      members.map((i) => weight[i]!),
    ).forEach((p, k) => (out[members[k]!] = p));
  const indexes = communes.map((_, i) => i);
  for (const [code, n] of Object.entries(published))
    share(
      indexes.filter((i) => communes[i]!.parentCode === code),
      n,
    );
  share(
    indexes.filter((i) => !(communes[i]!.parentCode! in published)),
    rest,
  );
  return out;
}

/**
 * How the scale's totals fall on the real communes: households (each district's share of the
 * review register, spread over its communes), people (each district's census population over
 * its communes by households), poverty per year (published district figures, else the district's
 * poverty relative to the province's) and houses.
 */
export function planCommunes(scale: SeedScale, rng: SeededRandom): CommunePlan[] {
  const spec = SPECS[scale];
  const ratio = spec.households / PUBLISHED.households;
  const communes = referenceUnits.filter((u) => u.level === "COMMUNE");
  const codes = Object.keys(DISTRICTS);
  const perDistrict = apportion(
    spec.households,
    codes.map((c) => DISTRICTS[c]!.register2016),
  );
  const households = new Array<number>(communes.length).fill(0);
  const people = new Array<number>(communes.length).fill(0);
  const size = communes.map(() => 0.7 + rng.next() * 0.6);
  codes.forEach((code, d) => {
    const members = communes.flatMap((c, i) => (c.parentCode === code ? [i] : []));
    apportion(
      perDistrict[d]!,
      members.map((i) => size[i]!),
    ).forEach((n, k) => (households[members[k]!] = n));
    apportion(
      Math.round(DISTRICTS[code]!.censusPeople * ratio),
      members.map((i) => households[i]!),
    ).forEach((n, k) => (people[members[k]!] = n));
  });
  const jitter = communes.map(() => 0.75 + rng.next() * 0.5);
  const weight = (kind: "poor" | "nearPoor") =>
    communes.map(
      (c, i) => households[i]! * POVERTY_FACTOR[c.parentCode!]![kind] * (c.kind === "Phường" ? 0.6 : 1) * jitter[i]!,
    );
  const poorWeight = weight("poor");
  const nearWeight = weight("nearPoor");
  const poor = YEARS.map((year, y) =>
    perCommune(communes, POOR_BY_YEAR[y]!, POOR_BY_DISTRICT[year], poorWeight, ratio),
  );
  const near = YEARS.map((year, y) =>
    perCommune(communes, NEAR_POOR_BY_YEAR[y]!, NEAR_POOR_BY_DISTRICT[year], nearWeight, ratio),
  );
  const everPoor = communes.map((_, i) => poor.reduce((s, y) => s + y[i]!, 0));
  // Houses go to each district by its poverty first (one at least: at a small scale the least
  // poor districts would get none), then over its communes.
  const houses = new Array<number>(communes.length).fill(0);
  const districtMembers = codes.map((code) => communes.flatMap((c, i) => (c.parentCode === code ? [i] : [])));
  apportion(
    Math.round(PUBLISHED.housesHandedOver * ratio) - codes.length,
    districtMembers.map((members) => members.reduce((s, i) => s + everPoor[i]!, 0)),
  ).forEach((n, d) =>
    apportion(
      n + 1,
      districtMembers[d]!.map((i) => everPoor[i]!),
    ).forEach((h, k) => (houses[districtMembers[d]![k]!] = h)),
  );
  const built = apportion(Math.round(PUBLISHED.housesNew * ratio), houses);
  let next = 1;
  return communes.map((unit, i) => {
    const plan: CommunePlan = {
      unit,
      districtCode: unit.parentCode!,
      households: households[i]!,
      firstHouseholdId: next,
      poor: poor.map((y) => y[i]!),
      nearPoor: near.map((y) => y[i]!),
      people: people[i]!,
      housesHandedOver: houses[i]!,
      housesNew: built[i]!,
    };
    next += households[i]!;
    if (plan.poor.some((p, y) => p + plan.nearPoor[y]! > plan.households))
      throw new Error(`commune ${unit.code}: more poor and near-poor than households`);
    return plan;
  });
}

/** The people-in-poor-households targets of a year at a scale: province-wide and per published district. */
export function peopleInPoorTargets(
  scale: SeedScale,
): { yearIndex: number; province: number; byDistrict: Record<string, number> }[] {
  if (!SPECS[scale].peopleInPoorHouseholds) return [];
  return YEARS.flatMap((year, yearIndex) => {
    const t = PEOPLE_IN_POOR_HOUSEHOLDS[year];
    return t ? [{ yearIndex, province: t.province, byDistrict: t.byDistrict }] : [];
  });
}
