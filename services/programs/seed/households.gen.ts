import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import type { Household } from "../src/households/household.entity.js";
import type { HouseholdYearTally } from "../src/households/household-year-tally.entity.js";
import { AreaType } from "../src/households/area-type.js";
import type { PovertyClassification, PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import { PovertyStatus, transitionBetween } from "../src/poverty/poverty-status.js";
import { classify, type PovertyRule } from "../src/poverty/classify.js";
import { POVERTY_STANDARDS } from "../src/poverty/standards.data.js";
import type { SupportEvent } from "../src/support/support-event.entity.js";
import { SupportKind } from "../src/support/support-kind.js";
import { fundingOfLevel } from "../src/support/support-funding.js";
import type { SupportMonthTally } from "../src/support/support-month-tally.entity.js";
import { fundIdFor } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./funds.gen.js";
import { YEARS, type CommunePlan } from "./plan.js";

/** Status codes in the per-household arrays. */
const NOT = 0;
const POOR = 1;
const NEAR = 2;
const STATUS = [PovertyStatus.NOT_POOR, PovertyStatus.POOR, PovertyStatus.NEAR_POOR] as const;

const standardFor = (year: number) => POVERTY_STANDARDS.find((s) => s.fromYear <= year && s.toYear >= year)!;

interface AreaRule {
  code: string;
  rule: PovertyRule;
  poorMax: number;
  bandMax: number;
  minDeprivations: number | null;
}
function areaRule(year: number, area: AreaType): AreaRule {
  const s = standardFor(year);
  const t = s.thresholds.find((x) => x.area === area)!;
  return {
    code: s.code,
    rule: {
      poorIncomeMaxVnd: t.poorIncomeMaxVnd === null ? null : BigInt(t.poorIncomeMaxVnd),
      bandIncomeMaxVnd: BigInt(t.bandIncomeMaxVnd),
      minDeprivations: t.minDeprivations,
    },
    poorMax: t.poorIncomeMaxVnd!,
    bandMax: t.bandIncomeMaxVnd,
    minDeprivations: t.minDeprivations,
  };
}

/** An income and deprivation count that the year's standard puts in `target`. */
function measureFor(rng: SeededRandom, r: AreaRule, target: number): { income: number; deprivations: number } {
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

/** Support a household gets in a year by its status: a Tết gift when poor or near-poor, and more. */
const EXTRA_VISITS = [0.34, 3.0, 1.4]; // mean extra support events: not poor, poor, near-poor
const OTHER_KINDS = [
  [SupportKind.EMERGENCY, 2],
  [SupportKind.STUDY, 3],
  [SupportKind.MEDICAL, 3],
  [SupportKind.PRODUCTION, 2],
  [SupportKind.LOAN, 1],
  [SupportKind.TECHNOLOGY_TRANSFER, 1],
] as const;
const AMOUNT_RANGE: Record<string, [number, number]> = {
  EMERGENCY: [5, 30],
  STUDY: [2, 10],
  MEDICAL: [3, 20],
  PRODUCTION: [10, 50],
  LOAN: [100, 500],
  TECHNOLOGY_TRANSFER: [1, 5],
};

const KINDS = Object.values(SupportKind);
const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<SupportKind, number>;

function poisson(rng: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Every day of 2010–2019 as "YYYY-MM-DD", so dates cost an array lookup. */
const DAYS: string[] = [];
for (let t = Date.UTC(2010, 0, 1); t <= Date.UTC(2019, 11, 31); t += 86_400_000)
  DAYS.push(new Date(t).toISOString().slice(0, 10));
/** Registration days 2000–2009, for the households' registry dates. */
const REGISTERED: string[] = [];
for (let t = Date.UTC(2000, 0, 1); t <= Date.UTC(2009, 11, 31); t += 86_400_000)
  REGISTERED.push(new Date(t).toISOString().slice(0, 10));
const dayIndex = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2010, 0, 1)) / 86_400_000;
/** Per year: the Tết gift window (10–31 January), the rest of the year's window, the review day. */
const WINDOWS = YEARS.map((year) => ({
  tet: [dayIndex(`${year}-01-10`), dayIndex(`${year}-01-31`)] as const,
  rest: [dayIndex(`${year}-02-01`), dayIndex(`${year}-12-20`)] as const,
  reviewedOn: `${year}-11-30`,
}));
const dayIn = (rng: SeededRandom, [a, b]: readonly [number, number]) => DAYS[a + Math.floor(rng.next() * (b - a + 1))]!;

export interface CommuneRows {
  households: Household[];
  classifications: PovertyClassification[];
  tallies: PovertyTally[];
  support: SupportEvent[];
  supportTallies: { communeCode: string; year: number; kind: string; visits: number; amountVnd: bigint }[];
  /** The analysts' rollups: reviews by year, area, size and status; support by month, kind, funding and status. */
  householdYearTallies: HouseholdYearTally[];
  supportMonthTallies: SupportMonthTally[];
  /** Per household (index from the commune's first id): poor at any review, poor at the 2019 review. */
  everPoor: boolean[];
}

/**
 * One commune's households, their reviews 2010–2019 and the support they got. A household's
 * standing is a rank that drifts each year; each review puts the commune's planned number of
 * poor and near-poor at the bottom, and the income and deprivations drawn for that status are
 * classified by the standard's own rule, which must agree.
 */
export function buildCommune(
  rng: SeededRandom,
  plan: CommunePlan,
  book: FundBook,
  nextSupportId: () => number,
): CommuneRows {
  const n = plan.households;
  const area = plan.unit.kind === "Xã" ? AreaType.RURAL : AreaType.URBAN;
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) rank[i] = rng.next();
  const status = new Uint8Array(n * YEARS.length);
  const order = Array.from({ length: n }, (_, i) => i);
  YEARS.forEach((_, y) => {
    if (y > 0) for (let i = 0; i < n; i++) rank[i] = Math.min(1, Math.max(0, rank[i]! + (rng.next() - 0.5) * 0.06));
    order.sort((a, b) => rank[a]! - rank[b]! || a - b);
    const poor = plan.poor[y]!;
    const near = poor + plan.nearPoor[y]!;
    for (let k = 0; k < n; k++) status[y * n + order[k]!] = k < poor ? POOR : k < near ? NEAR : NOT;
  });

  const out: CommuneRows = {
    households: [],
    classifications: [],
    tallies: [],
    support: [],
    supportTallies: [],
    householdYearTallies: [],
    supportMonthTallies: [],
    everPoor: [],
  };
  const supportTally = new Map<number, { visits: number; amount: bigint }>();
  // Numeric keys: a string per review and per event would cost seconds at full scale.
  const householdYearTally = new Map<number, HouseholdYearTally>();
  const supportMonthTally = new Map<number, SupportMonthTally>();
  const rules = YEARS.map((year) => areaRule(year, area));
  const fund = fundIdFor(plan.unit.code);
  // Who paid an event, for the support rollup: no fund, or the commune's own (the only one paying here).
  const fundings = [fundingOfLevel(null), fundingOfLevel(plan.unit.level)];
  for (let i = 0; i < n; i++) {
    const id = plan.firstHouseholdId + i;
    const household = {
      id,
      communeCode: plan.unit.code,
      districtCode: plan.districtCode,
      headName: syntheticName(rng, rng.chance(0.3)),
      address: `Tổ ${rng.int(1, 30)}, ấp ${rng.int(1, 9)}`,
      memberCount: rng.int(1, 7),
      area,
      registeredOn: REGISTERED[Math.floor(rng.next() * REGISTERED.length)]!,
      version: 1,
    } as Household;
    out.households.push(household);
    let previous: PovertyStatus | null = null;
    let ever = false;
    for (let y = 0; y < YEARS.length; y++) {
      const year = YEARS[y]!;
      const target = status[y * n + i]!;
      const r = rules[y]!;
      const m = measureFor(rng, r, target);
      const got = classify({ monthlyIncomePerPersonVnd: BigInt(m.income), deprivations: m.deprivations }, r.rule);
      if (got !== STATUS[target]) throw new Error(`measure for ${STATUS[target]} classified ${got} (${year})`);
      out.classifications.push({
        householdId: id,
        year,
        standardCode: r.code,
        status: got,
        transition: transitionBetween(previous, got),
        monthlyIncomeVnd: BigInt(m.income),
        deprivations: m.deprivations,
        communeCode: plan.unit.code,
        districtCode: plan.districtCode,
        classifiedOn: WINDOWS[y]!.reviewedOn,
        version: 1,
      } as PovertyClassification);
      previous = got;
      ever ||= target === POOR;
      const reviewKey = (year * 100 + household.memberCount) * 10 + target;
      const reviews = householdYearTally.get(reviewKey) ?? {
        year,
        communeCode: plan.unit.code,
        area,
        memberCount: household.memberCount,
        status: got,
        households: 0,
        people: 0,
      };
      reviews.households++;
      reviews.people += household.memberCount;
      householdYearTally.set(reviewKey, reviews);
      // Support in the year: the commune fund pays the Tết gift of a listed household when it can.
      const visits: [SupportKind, bigint, string | null][] = [];
      if (target !== NOT) {
        const gift = BigInt(target === POOR ? (year < 2015 ? 400_000 : 500_000) : 300_000);
        const paid = book.canPay(fund, gift) ? fund : null;
        visits.push([SupportKind.TET_GIFT, gift, paid]);
      }
      for (let k = poisson(rng, EXTRA_VISITS[target]!); k > 0; k--) {
        const kind = rng.weighted(OTHER_KINDS);
        const [lo, hi] = AMOUNT_RANGE[kind]!;
        visits.push([kind, BigInt(rng.int(lo, hi)) * 100_000n, null]);
      }
      for (const [kind, amount, paidBy] of visits) {
        const e = {
          id: nextSupportId(),
          householdId: id,
          communeCode: plan.unit.code,
          kind,
          amountVnd: amount,
          givenOn: dayIn(rng, kind === SupportKind.TET_GIFT ? WINDOWS[y]!.tet : WINDOWS[y]!.rest),
          fundId: paidBy,
          recipientStatus: got,
        } as SupportEvent;
        out.support.push(e);
        if (paidBy) book.post(paidBy, e.givenOn, FundEntryKind.SUPPORT, -amount, "SupportEvent", e.id);
        const key = year * 100 + KIND_INDEX[kind];
        const t = supportTally.get(key) ?? { visits: 0, amount: 0n };
        t.visits++;
        t.amount += amount;
        supportTally.set(key, t);
        const payer = paidBy === null ? 0 : 1;
        const monthKey =
          (((year * 100 + Number(e.givenOn.slice(5, 7))) * 10 + KIND_INDEX[kind]) * 10 + payer) * 10 + target;
        const inMonth = supportMonthTally.get(monthKey) ?? {
          month: e.givenOn.slice(0, 7),
          communeCode: plan.unit.code,
          kind,
          funding: fundings[payer]!,
          recipientStatus: got,
          events: 0,
          amountVnd: 0n,
        };
        inMonth.events++;
        inMonth.amountVnd += amount;
        supportMonthTally.set(monthKey, inMonth);
      }
    }
    out.everPoor.push(ever);
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
  out.supportMonthTallies = [...supportMonthTally.values()];
  for (const [key, t] of supportTally) {
    out.supportTallies.push({
      communeCode: plan.unit.code,
      year: Math.floor(key / 100),
      kind: KINDS[key % 100]!,
      visits: t.visits,
      amountVnd: t.amount,
    });
  }
  return out;
}
