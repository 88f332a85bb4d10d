import { communeOfTheDay } from "@danvan/kit";
import { SeededRandom, type TableWriter } from "@danvan/kit/seeding";
import type { Household } from "../src/households/household.entity.js";
import type { PovertyClassification } from "../src/poverty/poverty-classification.entity.js";
import type { PovertyStatus } from "../src/poverty/poverty-status.js";
import { AreaType } from "../src/households/area-type.js";
import { areaRule, householdRow, registrationDays, reviewRow } from "./households.gen.js";
import { measureOf } from "./later-households.gen.js";
import { laterStatuses, type LaterPlan } from "./later-plan.js";
import type { LaterTallies } from "./later-tallies.js";
import { districtOn } from "./map-of-the-day.js";
import { LATER_YEARS } from "./published-figures.js";
import { KG_REGISTERED_FROM, KG_REGISTERED_TO, planKienGiang, type KienGiangPlan } from "./kien-giang-plan.js";
import type { SeedScale } from "./plan.js";
import { POOR } from "./standing.js";

/** Old Kiên Giang's own random stream: nothing of An Giang draws from it, and it nothing from theirs. */
export const KIEN_GIANG_SEED = 20201130;

/**
 * Household sizes, synthetic (no Kiên Giang source; mean about 3.7): most of 2–4 people; a
 * household poor at any review drawn larger, as in the An Giang part.
 */
const SIZES = [
  [1, 7],
  [2, 16],
  [3, 23],
  [4, 26],
  [5, 15],
  [6, 8],
  [7, 3],
  [8, 2],
] as const;
const POOR_SIZES = [
  [1, 5],
  [2, 11],
  [3, 18],
  [4, 25],
  [5, 20],
  [6, 12],
  [7, 6],
  [8, 3],
] as const;

/** The registration days of 2020 before the end-2020 review. */
const REGISTERED = registrationDays(KG_REGISTERED_FROM, KG_REGISTERED_TO);

/** Where a Kiên Giang household's review of `year` is kept: its old commune and district to 2024, its 2025 commune after. */
export function kienGiangPlace(
  plan: Pick<KienGiangPlan, "unit" | "districtCode">,
  householdId: number,
  registeredOn: string,
  year: number,
): { communeCode: string; districtCode: string | null; on: string } {
  const on = `${year}-11-30`;
  const communeCode = communeOfTheDay(plan.unit.code, registeredOn, on, householdId);
  if (communeCode === null) throw new Error(`no commune holds ${plan.unit.code} on ${on}`);
  return { communeCode, districtCode: districtOn(plan.districtCode, on), on };
}

/**
 * One commune's households and their reviews at the end of 2020 … 2025: statuses from a standing
 * rank that drifts each year with the commune's planned poor and near-poor at the bottom (as the
 * An Giang part's later reviews), measures drawn for the status and classified by the year's
 * standard (Decision 59/2015 for 2020, Decree 07/2021 after), which must agree.
 */
export function buildKienGiangCommune(
  rng: SeededRandom,
  plan: KienGiangPlan,
  tallies: LaterTallies,
): { households: Household[]; classifications: PovertyClassification[] } {
  const n = plan.households;
  const area = plan.unit.kind === "Xã" ? AreaType.RURAL : AreaType.URBAN;
  const rules = LATER_YEARS.map((year) => areaRule(year, area));
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) rank[i] = rng.next();
  const later: LaterPlan = { poor: plan.poor, nearPoor: plan.nearPoor, handedOver: [], built: [], builtJanSep2020: 0 };
  const status = laterStatuses(rng, rank, later);
  const households: Household[] = [];
  const classifications: PovertyClassification[] = [];
  for (let i = 0; i < n; i++) {
    const id = plan.firstHouseholdId + i;
    let everPoor = false;
    for (let y = 0; y < LATER_YEARS.length; y++) if (status[y * n + i] === POOR) everPoor = true;
    const memberCount = rng.weighted(everPoor ? POOR_SIZES : SIZES);
    const registeredOn = REGISTERED[Math.floor(rng.next() * REGISTERED.length)]!;
    households.push(
      householdRow(
        rng,
        { id, communeCode: plan.unit.code, districtCode: plan.districtCode, memberCount, area },
        () => registeredOn,
      ),
    );
    let previous: PovertyStatus | null = null;
    LATER_YEARS.forEach((year, y) => {
      const target = status[y * n + i]!;
      const r = rules[y]!;
      const place = kienGiangPlace(plan, id, registeredOn, year);
      const review = reviewRow(measureOf(rng, r, target), r, target, {
        householdId: id,
        year,
        previous,
        communeCode: place.communeCode,
        districtCode: place.districtCode,
        classifiedOn: place.on,
      });
      classifications.push(review);
      previous = review.status as PovertyStatus;
      tallies.review(place.communeCode, year, previous, area, memberCount);
    });
  }
  return { households, classifications };
}

/**
 * Old Kiên Giang's register and reviews, commune by commune (memory stays flat), from its own
 * stream; ids from `firstHouseholdId` (after An Giang's). The tallies go with the An Giang part's
 * later ones (a 2025 commune may hold both). Returns the households written.
 */
export async function seedKienGiang(
  scale: SeedScale,
  firstHouseholdId: number,
  w: { household: TableWriter<Household>; classification: TableWriter<PovertyClassification> },
  tallies: LaterTallies,
): Promise<number> {
  const rng = new SeededRandom(KIEN_GIANG_SEED);
  const plans = planKienGiang(scale, rng, firstHouseholdId);
  let written = 0;
  for (const plan of plans) {
    const rows = buildKienGiangCommune(rng, plan, tallies);
    await w.household.writeMany(rows.households);
    await w.classification.writeMany(rows.classifications);
    written += rows.households.length;
  }
  return written;
}
