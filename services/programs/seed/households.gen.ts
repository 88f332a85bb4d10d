import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import type { Household } from "../src/households/household.entity.js";
import type { HouseholdYearTally } from "../src/households/household-year-tally.entity.js";
import { AreaType } from "../src/households/area-type.js";
import type { PovertyClassification, PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import { type PovertyStatus, transitionBetween } from "../src/poverty/poverty-status.js";
import { classify, isMiddleLivingStandard, ruleOf, type PovertyRule } from "../src/poverty/classify.js";
import { standardForReviewYear } from "../src/poverty/standards.data.js";
import { YEARS, type CommunePlan } from "./plan.js";
import { everPoor, NEAR, POOR, STATUS } from "./standing.js";

export interface AreaRule {
  code: string;
  rule: PovertyRule;
  poorMax: number;
  bandMax: number;
  minDeprivations: number | null;
}

/** The rule of the standard the province applied at a year's review, for an area. */
export function areaRule(year: number, area: AreaType): AreaRule {
  const s = standardForReviewYear(year);
  if (!s) throw new Error(`no standard for the ${year} review`);
  const t = s.thresholds.find((x) => x.area === area)!;
  return {
    code: s.code,
    rule: ruleOf(t),
    // The income-only line of a standard without one (Decree 07/2021): the bottom of its band.
    poorMax: t.poorIncomeMaxVnd ?? 0,
    bandMax: t.bandIncomeMaxVnd,
    minDeprivations: t.minDeprivations,
  };
}

/** An income and deprivation count that the year's standard puts in `target`. */
export function measureFor(rng: SeededRandom, r: AreaRule, target: number): { income: number; deprivations: number } {
  const thousand = (v: number) => Math.round(v / 1000) * 1000;
  const band = () => thousand(r.poorMax + 1000 + rng.next() * (r.bandMax - r.poorMax - 2000));
  const incomeOnly = r.minDeprivations === null;
  if (target === POOR) {
    return incomeOnly || rng.chance(0.6)
      ? { income: thousand(r.poorMax * (0.55 + rng.next() * 0.44)), deprivations: incomeOnly ? 0 : rng.int(0, 6) }
      : { income: band(), deprivations: rng.int(r.minDeprivations!, 7) };
  }
  if (target === NEAR) return { income: band(), deprivations: incomeOnly ? 0 : rng.int(0, r.minDeprivations! - 1) };
  return { income: thousand(r.bandMax + 1000 + rng.next() * 5_000_000), deprivations: incomeOnly ? 0 : rng.int(0, 2) };
}

/** Every day from `from` to `to` (ISO dates, both included): the days a seed draws registrations from. */
export function registrationDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Registration days 2000–2009, for the households' registry dates. */
const REGISTERED = registrationDays("2000-01-01", "2009-12-31");

/** Where and how large a household is; its head, address (and, last, its registration day) are drawn. */
export interface HouseholdPlace {
  id: number;
  communeCode: string;
  districtCode: string | null;
  memberCount: number;
  area: AreaType;
}

/**
 * A household's row: its head's name and address drawn here, in this order, then `registeredOn`
 * (a draw of the caller's, or a day it drew before), so the An Giang and Kiên Giang seeds share it.
 */
export function householdRow(rng: SeededRandom, at: HouseholdPlace, registeredOn: () => string): Household {
  return {
    ...at,
    headName: syntheticName(rng, rng.chance(0.3)),
    address: `Tổ ${rng.int(1, 30)}, ấp ${rng.int(1, 9)}`,
    registeredOn: registeredOn(),
    version: 1,
  } as Household;
}

export interface HouseholdRows {
  households: Household[];
  classifications: PovertyClassification[];
  tallies: PovertyTally[];
  /** The analysts' rollup: reviews by year, area, size and status, with the people in them. */
  householdYearTallies: HouseholdYearTally[];
  /** Per household (index from the commune's first id): poor at any review. */
  everPoor: boolean[];
}

/**
 * One commune's households and their reviews 2010–2019: each household's status at each review is
 * `status` (standing.ts), its size `sizes` (household-sizes.ts); the income and deprivations drawn
 * for that status are classified by the rule of the standard the province applied that year,
 * which must agree, and say whether the household lives at the standard's middle living standard.
 */
export function buildHouseholds(
  rng: SeededRandom,
  plan: CommunePlan,
  status: Uint8Array,
  sizes: Uint8Array,
): HouseholdRows {
  const n = plan.households;
  const area = plan.unit.kind === "Xã" ? AreaType.RURAL : AreaType.URBAN;
  const rules = YEARS.map((year) => areaRule(year, area));
  const out: HouseholdRows = {
    households: [],
    classifications: [],
    tallies: [],
    householdYearTallies: [],
    everPoor: [],
  };
  // Numeric keys: a string per review would cost seconds at full scale.
  const householdYearTally = new Map<number, HouseholdYearTally>();
  for (let i = 0; i < n; i++) {
    const id = plan.firstHouseholdId + i;
    const memberCount = sizes[id - 1]!;
    out.households.push(
      householdRow(
        rng,
        { id, communeCode: plan.unit.code, districtCode: plan.districtCode, memberCount, area },
        () => REGISTERED[Math.floor(rng.next() * REGISTERED.length)]!,
      ),
    );
    let previous: PovertyStatus | null = null;
    for (let y = 0; y < YEARS.length; y++) {
      const year = YEARS[y]!;
      const target = status[y * n + i]!;
      const r = rules[y]!;
      const review = reviewRow(measureFor(rng, r, target), r, target, {
        householdId: id,
        year,
        previous,
        communeCode: plan.unit.code,
        districtCode: plan.districtCode,
        classifiedOn: `${year}-11-30`,
      });
      out.classifications.push(review);
      const got = review.status as PovertyStatus;
      previous = got;
      const reviewKey = (year * 100 + memberCount) * 10 + target;
      const reviews = householdYearTally.get(reviewKey) ?? {
        year,
        communeCode: plan.unit.code,
        area,
        memberCount,
        status: got,
        households: 0,
        people: 0,
      };
      reviews.households++;
      reviews.people += memberCount;
      householdYearTally.set(reviewKey, reviews);
    }
    out.everPoor.push(everPoor(status, n, i));
  }
  YEARS.forEach((year, y) => {
    let poor = 0;
    let near = 0;
    for (let i = 0; i < n; i++) {
      const s = status[y * n + i];
      if (s === POOR) poor++;
      else if (s === NEAR) near++;
    }
    out.tallies.push({ communeCode: plan.unit.code, year, households: n, poor, nearPoor: near } as PovertyTally);
  });
  out.householdYearTallies = [...householdYearTally.values()];
  return out;
}

/** Where and when a review is kept, and the household's status at the review before. */
export interface ReviewPlace {
  householdId: number;
  year: number;
  previous: PovertyStatus | null;
  communeCode: string;
  districtCode: string | null;
  classifiedOn: string;
}

/**
 * A review's row from the drawn measure, classified by the standard's rule: it must land on the
 * status the plan asked for (`target`), or the seed stops.
 */
export function reviewRow(
  m: { income: number; deprivations: number },
  r: AreaRule,
  target: number,
  at: ReviewPlace,
): PovertyClassification {
  const measure = { monthlyIncomePerPersonVnd: BigInt(m.income), deprivations: m.deprivations };
  const got = classify(measure, r.rule);
  if (got !== STATUS[target]) throw new Error(`measure for ${STATUS[target]} classified ${got} (${at.year})`);
  return {
    householdId: at.householdId,
    year: at.year,
    standardCode: r.code,
    status: got,
    transition: transitionBetween(at.previous, got),
    monthlyIncomeVnd: measure.monthlyIncomePerPersonVnd,
    deprivations: m.deprivations,
    middleLivingStandard: isMiddleLivingStandard(measure, r.rule),
    communeCode: at.communeCode,
    districtCode: at.districtCode,
    classifiedOn: at.classifiedOn,
    version: 1,
  } as PovertyClassification;
}
