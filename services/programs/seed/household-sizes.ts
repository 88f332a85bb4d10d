import type { SeededRandom } from "@danvan/kit/seeding";
import type { CommunePlan } from "./plan.js";
import { everPoor, POOR } from "./standing.js";

/** Household sizes the dataset uses. */
export const MIN_SIZE = 1;
export const MAX_SIZE = 8;

/**
 * Sizes drawn before calibration: most households have 2–4 people (65.1% in An Giang at the 2019
 * census), households ever poor are larger (the 2014 and 2015 reviews: 4.3 and 3.8 people per poor
 * household against 3.5 on the register).
 */
const SIZE_WEIGHTS = [
  [1, 8],
  [2, 17],
  [3, 24],
  [4, 25],
  [5, 14],
  [6, 7],
  [7, 3],
  [8, 2],
] as const;
const POOR_SIZE_WEIGHTS = [
  [1, 5],
  [2, 11],
  [3, 18],
  [4, 25],
  [5, 20],
  [6, 12],
  [7, 6],
  [8, 3],
] as const;

/** People in the poor households of one review: province-wide and per published district. */
export interface PoorPeopleTarget {
  yearIndex: number;
  province: number;
  byDistrict: Record<string, number>;
}

/**
 * Moves `delta` people over `members` (indexes into `sizes`) one at a time, evenly spread, never
 * below MIN_SIZE or above MAX_SIZE; throws when they cannot take it.
 */
export function spread(sizes: Uint8Array, members: readonly number[], delta: number, what: string): void {
  let left = delta;
  for (let pass = 0; left !== 0; pass++) {
    const k = Math.min(Math.abs(left), members.length);
    if (k === 0 || pass > 4 * MAX_SIZE) throw new Error(`cannot give ${what} ${delta} people more`);
    const step = Math.sign(left);
    for (let j = 0; j < k && left !== 0; j++) {
      const i = members[(Math.floor((j * members.length) / k) + pass) % members.length]!;
      const s = sizes[i]! + step;
      if (s >= MIN_SIZE && s <= MAX_SIZE) {
        sizes[i] = s;
        left -= step;
      }
    }
  }
}

const sum = (sizes: Uint8Array, members: readonly number[]) => members.reduce((s, i) => s + sizes[i]!, 0);

/**
 * Every household's size (`sizes[id - 1]`), drawn and then calibrated so that each commune's
 * people are its plan's (its district's census population, shared by households) and, for the
 * reviews with a published figure, the people in poor households are it province-wide and in each
 * published district (two such reviews at most: those poor at either, at the first only, at the
 * second only and at neither are moved in turn, so no move undoes an earlier one).
 */
export function householdSizes(
  rng: SeededRandom,
  plans: readonly CommunePlan[],
  statuses: readonly Uint8Array[],
  targets: readonly PoorPeopleTarget[],
): Uint8Array {
  if (targets.length > 2) throw new Error("at most two reviews' poor people can be calibrated");
  const total = plans.reduce((s, p) => s + p.households, 0);
  const sizes = new Uint8Array(total);
  plans.forEach((p, c) => {
    for (let i = 0; i < p.households; i++)
      sizes[p.firstHouseholdId - 1 + i] = rng.weighted(
        everPoor(statuses[c]!, p.households, i) ? POOR_SIZE_WEIGHTS : SIZE_WEIGHTS,
      );
  });
  const [first, second] = targets;
  /** 0: poor at neither calibrated review, 1: the first only, 2: the second only, 3: both. */
  const group = (c: number, i: number) => {
    const n = plans[c]!.households;
    const at = (t?: PoorPeopleTarget) => (t ? statuses[c]![t.yearIndex * n + i] === POOR : false);
    return (at(first) ? 1 : 0) + (at(second) ? 2 : 0);
  };
  // Pools: each district published for the calibrated reviews, and the rest of the province.
  const published = Object.keys(first?.byDistrict ?? {});
  if (second && Object.keys(second.byDistrict).sort().join() !== [...published].sort().join())
    throw new Error("the calibrated reviews must publish the same districts");
  const poolOf = (districtCode: string) => (published.includes(districtCode) ? districtCode : "rest");
  const members = new Map<string, number[]>(); // `${pool}:${group}`
  plans.forEach((p, c) => {
    for (let i = 0; i < p.households; i++) {
      const key = `${poolOf(p.districtCode)}:${group(c, i)}`;
      const list = members.get(key) ?? [];
      list.push(p.firstHouseholdId - 1 + i);
      members.set(key, list);
    }
  });
  const get = (pool: string, g: number) => members.get(`${pool}:${g}`) ?? [];
  const targetOf = (t: PoorPeopleTarget, pool: string) =>
    pool === "rest" ? t.province - published.reduce((s, d) => s + t.byDistrict[d]!, 0) : t.byDistrict[pool]!;
  for (const pool of first ? [...published, "rest"] : []) {
    const firstOnly = get(pool, 1);
    const both = get(pool, 3);
    const atFirst = [...firstOnly, ...both];
    spread(sizes, atFirst, targetOf(first!, pool) - sum(sizes, atFirst), `the poor of the first review in ${pool}`);
    if (second) {
      const secondOnly = get(pool, 2);
      spread(
        sizes,
        secondOnly,
        targetOf(second, pool) - sum(sizes, both) - sum(sizes, secondOnly),
        `the poor of the second review only in ${pool}`,
      );
    }
  }
  // Then each commune's people, moving only households poor at neither calibrated review.
  plans.forEach((p, c) => {
    const free: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < p.households; i++) {
      all.push(p.firstHouseholdId - 1 + i);
      if (group(c, i) === 0) free.push(p.firstHouseholdId - 1 + i);
    }
    spread(sizes, free, p.people - sum(sizes, all), `commune ${p.unit.code}`);
  });
  return sizes;
}
