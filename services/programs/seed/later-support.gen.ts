import type { SeededRandom } from "@danvan/kit/seeding";
import type { SupportEvent } from "../src/support/support-event.entity.js";
import { SupportKind } from "../src/support/support-kind.js";
import { fundingOfLevel } from "../src/support/support-funding.js";
import { isListed } from "../src/support/published-visits.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import { REORGANISATION_2025 } from "@danvan/kit";
import type { FundBook } from "./fund-book.js";
import type { LaterTallies } from "./later-tallies.js";
import { communeOn, fundOn } from "./map-of-the-day.js";
import { LAST_DAY, LATER_ACTIVITY_YEARS, LATER_YEARS } from "./published-figures.js";
import type { CommunePlan } from "./plan.js";
import { NOT, POOR, STATUS } from "./standing.js";
import { amountOf, EXTRA_GIFTS, HELP, HELP_KINDS, PAYER_LEVELS, poisson, PROJECTS } from "./support.gen.js";

/** Every day of 2020 to the last day, so dates cost an array lookup. */
const DAYS: string[] = [];
for (let t = Date.UTC(2020, 0, 1); t <= Date.parse(`${LAST_DAY}T00:00:00Z`); t += 86_400_000)
  DAYS.push(new Date(t).toISOString().slice(0, 10));
const dayIndex = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2020, 0, 1)) / 86_400_000;
const WINDOWS = LATER_ACTIVITY_YEARS.map((year) => ({
  tet: [dayIndex(`${year}-01-10`), dayIndex(`${year}-01-31`)] as const,
  rest: [dayIndex(`${year}-02-01`), dayIndex(year === 2026 ? LAST_DAY : `${year}-12-20`)] as const,
}));
const dayIn = (rng: SeededRandom, [a, b]: readonly [number, number]) => DAYS[a + Math.floor(rng.next() * (b - a + 1))]!;

/** A support event drawn but not yet paid: which fund pays is settled on the books of its day. */
export interface SupportDraft {
  id: number;
  householdId: number;
  oldCode: string;
  districtCode: string;
  kind: SupportKind;
  amountVnd: bigint;
  /** 0: no fund, 1: the commune's, 2: the district's (the province's from 2025-07-01). */
  wanted: 0 | 1 | 2;
  givenOn: string;
  /**
   * The household's status that draws the event's help: at the review of the event's year (2026:
   * the end-2025 review, the list in force). What the event records is the review of its own year
   * only, as the API does (`settleSupport`).
   */
  target: number;
}

/**
 * One commune's support events 2020 – the last day, drawn like 2010–2019's (support.gen.ts) from
 * each household's status at the review of the event's year, with their own random stream; ids in
 * drawing order.
 */
export function draftLaterSupport(
  rng: SeededRandom,
  plan: CommunePlan,
  status: Uint8Array,
  nextId: () => number,
): SupportDraft[] {
  const n = plan.households;
  const out: SupportDraft[] = [];
  LATER_ACTIVITY_YEARS.forEach((_, y) => {
    const w = WINDOWS[y]!;
    const reviewIndex = Math.min(y, LATER_YEARS.length - 1);
    for (let i = 0; i < n; i++) {
      const target = status[reviewIndex * n + i]!;
      const push = (kind: SupportKind, amountVnd: bigint, wanted: 0 | 1 | 2, window: readonly [number, number]) =>
        out.push({
          id: nextId(),
          householdId: plan.firstHouseholdId + i,
          oldCode: plan.unit.code,
          districtCode: plan.districtCode,
          kind,
          amountVnd,
          wanted,
          givenOn: dayIn(rng, window),
          target,
        });
      if (target !== NOT) {
        push(SupportKind.TET_GIFT, target === POOR ? 400_000n : 300_000n, 1, w.tet);
        for (let k = poisson(rng, EXTRA_GIFTS[target]!); k > 0; k--)
          push(SupportKind.TET_GIFT, amountOf(rng, SupportKind.TET_GIFT), rng.chance(0.3) ? 2 : 0, w.tet);
      }
      for (let k = poisson(rng, HELP[target]!); k > 0; k--) {
        const kind = rng.weighted(HELP_KINDS[target]!);
        push(kind, amountOf(rng, kind), target !== NOT && rng.chance(0.5) ? 1 : 0, w.rest);
      }
      for (let k = poisson(rng, PROJECTS[target]!); k > 0; k--) {
        const kind = rng.chance(0.6) ? SupportKind.LOAN : SupportKind.TECHNOLOGY_TRANSFER;
        push(kind, amountOf(rng, kind), 0, w.rest);
      }
    }
  });
  return out;
}

const FUNDINGS = PAYER_LEVELS.map(fundingOfLevel);
const LAST_REVIEW_YEAR = LATER_YEARS[LATER_YEARS.length - 1]!;

/**
 * A drafted event on the map of its day: its commune's code that day, paid by the fund it asks for
 * when that fund can pay on the day and after (the commune's, the district's, from 2025-07-01 the
 * 2025 commune's or province 91's), else by no fund; counted in `tallies`.
 */
export function settleSupport(d: SupportDraft, book: FundBook, tallies: LaterTallies): SupportEvent {
  const communeCode = communeOn(d.oldCode, d.householdId, d.givenOn);
  const after = d.givenOn >= REORGANISATION_2025;
  const level = d.wanted === 0 ? 0 : d.wanted === 1 ? 1 : after ? 3 : 2;
  const fund = level === 0 ? null : fundOn(level === 1 ? communeCode : level === 2 ? d.districtCode : "91", d.givenOn);
  const paid =
    fund !== null && book.payIfAble(fund, d.givenOn, FundEntryKind.SUPPORT, d.amountVnd, "SupportEvent", d.id);
  // As recordSupport stores it (recipientStatusOf): the household's review of the event's own year,
  // none (UNREVIEWED in the rollups, not listed) in 2026, whose review comes after the last day.
  const recipientStatus = Number(d.givenOn.slice(0, 4)) <= LAST_REVIEW_YEAR ? STATUS[d.target] : null;
  const e = {
    id: d.id,
    householdId: d.householdId,
    communeCode,
    kind: d.kind,
    amountVnd: d.amountVnd,
    givenOn: d.givenOn,
    fundId: paid ? fund : null,
    recipientStatus,
  } as SupportEvent;
  tallies.supportEvent(e, FUNDINGS[paid ? level : 0]!, isListed(recipientStatus));
  return e;
}
