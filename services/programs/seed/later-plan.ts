import type { SeededRandom } from "@danvan/kit/seeding";
import { apportion, perCommune, SPECS, type CommunePlan, type SeedScale } from "./plan.js";
import {
  HOUSES_BUILT_JAN_SEP_2020,
  HOUSES_LATER,
  LATER_YEARS,
  NEAR_POOR_BY_DISTRICT_LATER,
  NEAR_POOR_LATER,
  POOR_BY_DISTRICT_LATER,
  POOR_LATER,
  REGISTER_HOUSEHOLDS,
} from "./published-figures.js";
import { NEAR, NOT, POOR } from "./standing.js";

/** One commune's figures after 2019 (issue 27), by LATER_YEARS and LATER_ACTIVITY_YEARS. */
export interface LaterPlan {
  poor: number[];
  nearPoor: number[];
  /** Houses handed over per year 2020–2026, and of them newly built. */
  handedOver: number[];
  built: number[];
  /** Of 2020's new houses, those handed over from 1 January to 30 September. */
  builtJanSep2020: number;
}

/**
 * The later years' figures on the communes: each year's province total (published-figures.ts) and
 * published district figures shared like the earlier years' (plan.ts perCommune), weighted by the
 * commune's poverty at the last two reviews of 2010–2019 (no randomness: the plans stay as they were);
 * houses by the commune's later poverty.
 */
export function planLater(scale: SeedScale, plans: readonly CommunePlan[]): LaterPlan[] {
  const ratio = SPECS[scale].households / REGISTER_HOUSEHOLDS;
  const communes = plans.map((p) => p.unit);
  const poorWeight = plans.map((p) => p.poor[8]! + p.poor[9]! + 1);
  const nearWeight = plans.map((p) => p.nearPoor[8]! + p.nearPoor[9]! + 1);
  const poor = LATER_YEARS.map((year, y) =>
    perCommune(communes, POOR_LATER[y]!, POOR_BY_DISTRICT_LATER[year], poorWeight, ratio),
  );
  const near = LATER_YEARS.map((year, y) =>
    perCommune(communes, NEAR_POOR_LATER[y]!, NEAR_POOR_BY_DISTRICT_LATER[year], nearWeight, ratio),
  );
  const houseWeight = plans.map((_, i) => poor.reduce((s, y) => s + y[i]!, 0) + 1);
  const handedOver = HOUSES_LATER.map((h) => apportion(Math.round(h.handedOver * ratio), houseWeight));
  const built = HOUSES_LATER.map((h, y) => apportion(Math.round(h.built * ratio), handedOver[y]!));
  const janSep = apportion(Math.round(HOUSES_BUILT_JAN_SEP_2020 * ratio), built[0]!);
  return plans.map((p, i) => {
    const later: LaterPlan = {
      poor: poor.map((y) => y[i]!),
      nearPoor: near.map((y) => y[i]!),
      handedOver: handedOver.map((y) => y[i]!),
      built: built.map((y) => y[i]!),
      builtJanSep2020: janSep[i]!,
    };
    if (later.poor.some((n, y) => n + later.nearPoor[y]! > p.households))
      throw new Error(`commune ${p.unit.code}: more poor and near-poor than households after 2019`);
    return later;
  });
}

/**
 * One commune's statuses at the later reviews, `status[y * n + i]`: the standing ranks of the
 * 2019 review (standing.ts) drift on with their own random stream, and each review puts the
 * planned poor and near-poor at the bottom.
 */
export function laterStatuses(rng: SeededRandom, rank: Float64Array, later: LaterPlan): Uint8Array {
  const n = rank.length;
  const status = new Uint8Array(n * LATER_YEARS.length);
  const order = Array.from({ length: n }, (_, i) => i);
  LATER_YEARS.forEach((_, y) => {
    for (let i = 0; i < n; i++) rank[i] = Math.min(1, Math.max(0, rank[i]! + (rng.next() - 0.5) * 0.06));
    order.sort((a, b) => rank[a]! - rank[b]! || a - b);
    const poorN = later.poor[y]!;
    const nearN = poorN + later.nearPoor[y]!;
    for (let k = 0; k < n; k++) status[y * n + order[k]!] = k < poorN ? POOR : k < nearN ? NEAR : NOT;
  });
  return status;
}
