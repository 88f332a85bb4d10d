import type { SeededRandom } from "@danvan/kit/seeding";
import type { SupportEvent } from "../src/support/support-event.entity.js";
import { SupportKind } from "../src/support/support-kind.js";
import { fundingOfLevel } from "../src/support/support-funding.js";
import { isListed } from "../src/support/published-visits.js";
import type { SupportMonthTally } from "../src/support/support-month-tally.entity.js";
import { fundIdFor } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./fund-book.js";
import { YEARS, type CommunePlan } from "./plan.js";
import { NOT, POOR, STATUS } from "./standing.js";

/**
 * Support a household gets in a year, by its status at that year's review ([not poor, poor,
 * near-poor]). The Fund's kinds (visits and gifts, emergencies, study, medical, production) go
 * mostly to listed households, split as An Giang's Fund reported them for the first nine months
 * of 2019: gifts 59%, emergencies 26%, study, medical and production 15% of the cases (Báo An
 * Giang, 23 October 2019). With these means the published household-visits of 2010–2019 come to
 * about 3.48 million ("hơn 3,4 triệu lượt hộ"); loans and technology transfer, the organisations'
 * projects, are a few percent of all events.
 */
export const EXTRA_GIFTS = [0, 2.7, 1.9]; // Tết gifts beyond the commune fund's own, from the district fund or sponsors
export const HELP = [0.04, 2.6, 1.8]; // emergency, study, medical and production support
export const HELP_KINDS = [
  [
    [SupportKind.EMERGENCY, 2],
    [SupportKind.STUDY, 1],
    [SupportKind.MEDICAL, 1],
  ],
  [
    [SupportKind.EMERGENCY, 1.6],
    [SupportKind.STUDY, 0.35],
    [SupportKind.MEDICAL, 0.35],
    [SupportKind.PRODUCTION, 0.3],
  ],
  [
    [SupportKind.EMERGENCY, 1.2],
    [SupportKind.STUDY, 0.2],
    [SupportKind.MEDICAL, 0.25],
    [SupportKind.PRODUCTION, 0.15],
  ],
] as const;
export const PROJECTS = [0.01, 0.2, 0.13]; // loans and technology transfer
/** Value ranges in thousands of VND (the 2019 report: about 276,000 a gift, 238,000 an emergency, 142,000 the rest). */
const AMOUNT_RANGE: Record<SupportKind, readonly [number, number, number]> = {
  TET_GIFT: [100, 500, 50],
  EMERGENCY: [100, 500, 50],
  STUDY: [100, 200, 50],
  MEDICAL: [100, 200, 50],
  PRODUCTION: [100, 200, 50],
  LOAN: [10_000, 50_000, 1_000],
  TECHNOLOGY_TRANSFER: [100, 500, 100],
};

export const KINDS = Object.values(SupportKind);
export const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<SupportKind, number>;

export function poisson(rng: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

export function amountOf(rng: SeededRandom, kind: SupportKind): bigint {
  const [lo, hi, step] = AMOUNT_RANGE[kind];
  return BigInt(rng.int(lo / step, hi / step) * step) * 1000n;
}

/** Every day of 2010–2019 as "YYYY-MM-DD", so dates cost an array lookup. */
const DAYS: string[] = [];
for (let t = Date.UTC(2010, 0, 1); t <= Date.UTC(2019, 11, 31); t += 86_400_000)
  DAYS.push(new Date(t).toISOString().slice(0, 10));
const dayIndex = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2010, 0, 1)) / 86_400_000;
/** Per year: the Tết gift window (10–31 January) and the rest of the year's window. */
const WINDOWS = YEARS.map((year) => ({
  tet: [dayIndex(`${year}-01-10`), dayIndex(`${year}-01-31`)] as const,
  rest: [dayIndex(`${year}-02-01`), dayIndex(`${year}-12-20`)] as const,
}));
const dayIn = (rng: SeededRandom, [a, b]: readonly [number, number]) => DAYS[a + Math.floor(rng.next() * (b - a + 1))]!;

export interface SupportRows {
  support: SupportEvent[];
  supportTallies: {
    communeCode: string;
    year: number;
    kind: string;
    visits: number;
    listedVisits: number;
    amountVnd: bigint;
  }[];
  /** The analysts' rollup: support by month, kind, paying fund's level and recipient's status. */
  supportMonthTallies: SupportMonthTally[];
}

/** Who pays an event: no fund (0), or the commune's (1), district's (2) or province's (3) fund. */
export const PAYER_LEVELS = [null, "COMMUNE", "DISTRICT", "PROVINCE"] as const;

/**
 * One commune's support events 2010–2019, year by year (so the funds' money goes to every
 * household of a year before the next): each listed household's Tết gift from the commune fund
 * when it can pay on the day, more gifts from the district fund or sponsors, the Fund's other
 * kinds of help (half of them paid by the commune fund when it can), and the organisations' loans
 * and technology transfer. Each event records its recipient's status at that year's review.
 */
export function buildSupport(
  rng: SeededRandom,
  plan: CommunePlan,
  status: Uint8Array,
  book: FundBook,
  nextSupportId: () => number,
): SupportRows {
  const n = plan.households;
  const funds = [null, fundIdFor(plan.unit.code), fundIdFor(plan.districtCode), null] as const;
  const fundings = PAYER_LEVELS.map(fundingOfLevel);
  const out: SupportRows = { support: [], supportTallies: [], supportMonthTallies: [] };
  // Numeric keys: a string per event would cost seconds at full scale.
  const yearTally = new Map<number, { visits: number; listed: number; amount: bigint }>();
  const monthTally = new Map<number, SupportMonthTally>();
  const events: [SupportKind, bigint, number, readonly [number, number]][] = [];

  for (let y = 0; y < YEARS.length; y++) {
    const year = YEARS[y]!;
    const w = WINDOWS[y]!;
    for (let i = 0; i < n; i++) {
      const target = status[y * n + i]!;
      events.length = 0;
      if (target !== NOT) {
        const gift = BigInt(target === POOR ? (year < 2015 ? 300_000 : 400_000) : year < 2015 ? 200_000 : 300_000);
        events.push([SupportKind.TET_GIFT, gift, 1, w.tet]);
        for (let k = poisson(rng, EXTRA_GIFTS[target]!); k > 0; k--)
          events.push([SupportKind.TET_GIFT, amountOf(rng, SupportKind.TET_GIFT), rng.chance(0.3) ? 2 : 0, w.tet]);
      }
      for (let k = poisson(rng, HELP[target]!); k > 0; k--) {
        const kind = rng.weighted(HELP_KINDS[target]!);
        events.push([kind, amountOf(rng, kind), target !== NOT && rng.chance(0.5) ? 1 : 0, w.rest]);
      }
      for (let k = poisson(rng, PROJECTS[target]!); k > 0; k--) {
        const kind = rng.chance(0.6) ? SupportKind.LOAN : SupportKind.TECHNOLOGY_TRANSFER;
        events.push([kind, amountOf(rng, kind), 0, w.rest]);
      }
      const recipientStatus = STATUS[target];
      const listed = isListed(recipientStatus);
      for (const [kind, amount, wantedPayer, window] of events) {
        const id = nextSupportId();
        const givenOn = dayIn(rng, window);
        const fund = funds[wantedPayer];
        const payer =
          fund && book.payIfAble(fund, givenOn, FundEntryKind.SUPPORT, amount, "SupportEvent", id) ? wantedPayer : 0;
        out.support.push({
          id,
          householdId: plan.firstHouseholdId + i,
          communeCode: plan.unit.code,
          kind,
          amountVnd: amount,
          givenOn,
          fundId: payer === 0 ? null : funds[payer],
          recipientStatus,
        } as SupportEvent);
        const key = year * 100 + KIND_INDEX[kind];
        const t = yearTally.get(key) ?? { visits: 0, listed: 0, amount: 0n };
        t.visits++;
        if (listed) t.listed++;
        t.amount += amount;
        yearTally.set(key, t);
        const monthKey =
          (((year * 100 + Number(givenOn.slice(5, 7))) * 10 + KIND_INDEX[kind]) * 10 + payer) * 10 + target;
        const inMonth = monthTally.get(monthKey) ?? {
          month: givenOn.slice(0, 7),
          communeCode: plan.unit.code,
          kind,
          funding: fundings[payer]!,
          recipientStatus,
          events: 0,
          amountVnd: 0n,
        };
        inMonth.events++;
        inMonth.amountVnd += amount;
        monthTally.set(monthKey, inMonth);
      }
    }
  }
  for (const [key, t] of yearTally)
    out.supportTallies.push({
      communeCode: plan.unit.code,
      year: Math.floor(key / 100),
      kind: KINDS[key % 100]!,
      visits: t.visits,
      listedVisits: t.listed,
      amountVnd: t.amount,
    });
  out.supportMonthTallies = [...monthTally.values()];
  return out;
}
