import type { SeededRandom } from "@danvan/kit/seeding";
import type { PovertyClassification } from "../src/poverty/poverty-classification.entity.js";
import type { PovertyStatus } from "../src/poverty/poverty-status.js";
import { AreaType } from "../src/households/area-type.js";
import { areaRule, measureFor, reviewRow, type AreaRule } from "./households.gen.js";
import type { LaterTallies } from "./later-tallies.js";
import { communeOn, districtOn } from "./map-of-the-day.js";
import { LATER_YEARS } from "./published-figures.js";
import { YEARS, type CommunePlan } from "./plan.js";
import { POOR, STATUS } from "./standing.js";

/**
 * A measure the year's standard puts in `target`: households.gen.ts's, except a poor household under
 * a standard without an income-only poor line (Decree 07/2021), which is poor by income within the
 * line and 3 deprivations or more (never reached by 2010–2019's reviews).
 */
export function measureOf(rng: SeededRandom, r: AreaRule, target: number): { income: number; deprivations: number } {
  if (target !== POOR || r.poorMax > 0) return measureFor(rng, r, target);
  return {
    income: Math.round((r.bandMax * (0.4 + rng.next() * 0.59)) / 1000) * 1000,
    deprivations: rng.int(r.minDeprivations!, 7),
  };
}

/**
 * One commune's households' reviews at the end of 2020 … 2025 (issue 27), each on the map of its
 * day (30 November): 2020–2024 under the commune's old code and district, 2025 under the
 * household's 2025 commune with no district (map-of-the-day.ts). Each income and deprivation count
 * drawn for the planned status is classified by the standard of the year and must agree, as for
 * 2010–2019 (households.gen.ts). The tallies are summed province-wide (`tallies`).
 */
export function buildLaterReviews(
  rng: SeededRandom,
  plan: CommunePlan,
  oldStatus: Uint8Array,
  status: Uint8Array,
  sizes: Uint8Array,
  tallies: LaterTallies,
): { classifications: PovertyClassification[]; everPoor: boolean[] } {
  const n = plan.households;
  const area = plan.unit.kind === "Xã" ? AreaType.RURAL : AreaType.URBAN;
  const rules = LATER_YEARS.map((year) => areaRule(year, area));
  const classifications: PovertyClassification[] = [];
  const everPoor: boolean[] = [];
  const last = YEARS.length - 1;
  for (let i = 0; i < n; i++) {
    const id = plan.firstHouseholdId + i;
    const size = sizes[id - 1]!;
    let previous = STATUS[oldStatus[last * n + i]!];
    let poor = false;
    for (let y = 0; y < LATER_YEARS.length; y++) {
      const year = LATER_YEARS[y]!;
      const on = `${year}-11-30`;
      const target = status[y * n + i]!;
      if (target === POOR) poor = true;
      const r = rules[y]!;
      const communeCode = communeOn(plan.unit.code, id, on);
      const review = reviewRow(measureOf(rng, r, target), r, target, {
        householdId: id,
        year,
        previous,
        communeCode,
        districtCode: districtOn(plan.districtCode, on),
        classifiedOn: on,
      });
      classifications.push(review);
      const got = review.status as PovertyStatus;
      tallies.review(communeCode, year, got, area, size);
      previous = got;
    }
    everPoor.push(poor);
  }
  return { classifications, everPoor };
}
