import type { SeededRandom } from "@danvan/kit/seeding";
import { REORGANISATION_2025 } from "@danvan/kit";
import type { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../src/houses/house-enums.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./fund-book.js";
import type { LaterTallies } from "./later-tallies.js";
import type { LaterPlan } from "./later-plan.js";
import { communeOn, districtOn, fundOn } from "./map-of-the-day.js";
import { LATER_ACTIVITY_YEARS } from "./published-figures.js";
import type { CommunePlan } from "./plan.js";
import { addDays, millions } from "./dates.js";

const FUND_KEEPS = 40n;
const MAX_FUND_SHARE = 60_000_000n;
const SPONSORS = [
  "Ngân hàng TMCP Công Thương",
  "Tập đoàn Lộc Trời",
  "Hội Doanh nhân trẻ tỉnh",
  "Công ty Điện lực An Giang",
];
const CANCEL_REASONS = ["Hộ chuyển đi nơi khác", "Hộ tự xây dựng bằng nguồn khác", "Không đủ điều kiện về đất ở"];

/** A house drawn but not yet paid: its fund share is settled on the books of its construction start. */
export interface HouseDraft {
  house: SolidarityHouse;
  oldCode: string;
  districtCode: string;
  /** The day the fund pays (construction start, else approval, else proposal). */
  payDay: string;
  wantedFundVnd: bigint;
  sponsorShare: number;
  sponsorName: string;
}

/**
 * Hand-over windows: 2020's nine published months and the rest, each year's, 2025's on either
 * side of the reorganisation (a house's steps, at most 90 days, stay on one map), 2026 to the last day.
 */
function windowsOf(year: number): [string, string][] {
  if (year === 2025)
    return [
      ["2025-04-01", "2025-06-30"],
      ["2025-10-01", "2025-12-31"],
    ];
  if (year === 2026) return [["2026-04-01", "2026-11-15"]];
  return [[`${year}-04-01`, `${year}-12-31`]];
}

/**
 * One commune's Great Solidarity houses handed over 2020 – the last day, as planned per year (the
 * new ones exactly; 2020's published nine months included), households poor at a later review
 * first, plus a few still in progress or cancelled at the last day. Each house is recorded under
 * its household's commune on its proposal day (map-of-the-day.ts).
 */
export function draftLaterHouses(
  rng: SeededRandom,
  plan: CommunePlan,
  later: LaterPlan,
  everPoor: readonly boolean[],
  nextId: () => number,
): HouseDraft[] {
  const order = [...everPoor.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.sort((a, b) => Number(everPoor[b]) - Number(everPoor[a]));
  let next = 0;
  const out: HouseDraft[] = [];
  const draft = (kind: HouseWorkKind, status: HouseStatus, handedOverOn: string | null, proposedFrom?: string) => {
    const householdId = plan.firstHouseholdId + order[next++ % order.length]!;
    const steps = [rng.int(10, 30), rng.int(10, 30), rng.int(10, 30)];
    let proposedOn: string;
    let approvedOn: string | null = null;
    let constructionStartedOn: string | null = null;
    if (handedOverOn) {
      constructionStartedOn = addDays(handedOverOn, -steps[2]!);
      approvedOn = addDays(constructionStartedOn, -steps[1]!);
      proposedOn = addDays(approvedOn, -steps[0]!);
    } else {
      proposedOn = addDays(proposedFrom!, rng.int(0, 40));
      const reached =
        status === HouseStatus.CANCELLED
          ? rng.int(0, 2)
          : [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION].indexOf(status);
      if (reached >= 1) approvedOn = addDays(proposedOn, steps[0]!);
      if (reached >= 2) constructionStartedOn = addDays(approvedOn!, steps[1]!);
    }
    const cost = kind === HouseWorkKind.NEW ? millions(rng, 45, 90) : millions(rng, 15, 40);
    let wanted = kind === HouseWorkKind.NEW ? millions(rng, 30, 60) : millions(rng, 10, 25);
    if (wanted > cost) wanted = cost;
    if (wanted > MAX_FUND_SHARE) wanted = MAX_FUND_SHARE;
    const last = constructionStartedOn ?? approvedOn ?? proposedOn;
    const house = {
      id: nextId(),
      householdId,
      communeCode: communeOn(plan.unit.code, householdId, proposedOn),
      districtCode: districtOn(plan.districtCode, proposedOn),
      kind,
      hardFloor: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardFrame: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardRoof: kind === HouseWorkKind.NEW || rng.chance(0.8),
      fundAmountVnd: 0n,
      sponsorAmountVnd: 0n,
      familyAmountVnd: cost,
      sponsorName: null,
      fundId: null,
      status,
      proposedOn,
      approvedOn,
      constructionStartedOn,
      handedOverOn,
      cancelledOn: status === HouseStatus.CANCELLED ? addDays(last, rng.int(5, 20)) : null,
      cancelReason: status === HouseStatus.CANCELLED ? rng.pick(CANCEL_REASONS) : null,
      version: 1,
    } as SolidarityHouse;
    out.push({
      house,
      oldCode: plan.unit.code,
      districtCode: plan.districtCode,
      payDay: last,
      wantedFundVnd: wanted,
      sponsorShare: rng.chance(0.5) ? rng.int(30, 90) : 0,
      sponsorName: rng.pick(SPONSORS),
    });
  };
  LATER_ACTIVITY_YEARS.forEach((year, y) => {
    const total = later.handedOver[y]!;
    const built = later.built[y]!;
    // 2020: the new houses of the published nine months first, then the rest of the year.
    const windows = windowsOf(year);
    for (let k = 0; k < total; k++) {
      const kind = k < built ? HouseWorkKind.NEW : HouseWorkKind.REPAIR;
      const [from, to] =
        year === 2020
          ? k < later.builtJanSep2020
            ? ["2020-04-01", "2020-09-30"]
            : ["2020-10-01", "2020-12-31"]
          : windows[k % windows.length]!;
      draft(kind, HouseStatus.HANDED_OVER, rng.dateBetween(from, to));
    }
  });
  const extra = Math.round(later.handedOver[LATER_ACTIVITY_YEARS.length - 1]! * (0.1 + rng.next() * 0.1));
  for (let k = 0; k < extra; k++)
    draft(
      rng.chance(0.7) ? HouseWorkKind.NEW : HouseWorkKind.REPAIR,
      rng.weighted([
        [HouseStatus.CANCELLED, 2],
        [HouseStatus.PROPOSED, 4],
        [HouseStatus.APPROVED, 3],
        [HouseStatus.UNDER_CONSTRUCTION, 4],
      ] as const),
      null,
      "2026-08-01",
    );
  return out;
}

/**
 * A drafted house paid on the books of its pay day: the commune's fund of that day when it can pay
 * and keep its reserve, else the district's (province 91's from 2025-07-01), else sponsors and the
 * family; starting construction debits the paying fund. Counted in `tallies` when handed over.
 */
export function settleHouse(d: HouseDraft, book: FundBook, tallies: LaterTallies): SolidarityHouse {
  const h = d.house;
  const code = communeOn(d.oldCode, h.householdId, d.payDay);
  const communeFund = fundOn(code, d.payDay);
  const upperFund = fundOn(d.payDay < REORGANISATION_2025 ? d.districtCode : "91", d.payDay);
  const payer = book.canPay(communeFund, d.payDay, d.wantedFundVnd, FUND_KEEPS)
    ? communeFund
    : book.canPay(upperFund, d.payDay, d.wantedFundVnd, FUND_KEEPS)
      ? upperFund
      : null;
  const cost = h.familyAmountVnd;
  const fund = payer ? d.wantedFundVnd : 0n;
  const sponsor = d.sponsorShare > 0 || !payer ? ((cost - fund) * BigInt(d.sponsorShare || 60)) / 100n : 0n;
  Object.assign(h, {
    fundId: payer,
    fundAmountVnd: fund,
    sponsorAmountVnd: sponsor,
    sponsorName: sponsor > 0n ? d.sponsorName : null,
    familyAmountVnd: cost - fund - sponsor,
  });
  if (payer && h.constructionStartedOn)
    book.post(payer, h.constructionStartedOn, FundEntryKind.HOUSE, -fund, "SolidarityHouse", h.id);
  if (h.status === HouseStatus.HANDED_OVER) tallies.handedOver(h.communeCode, h.handedOverOn!, h.kind);
  return h;
}
