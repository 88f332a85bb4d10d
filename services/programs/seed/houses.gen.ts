import type { SeededRandom } from "@danvan/kit/seeding";
import type { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../src/houses/house-enums.js";
import { fundIdFor } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./fund-book.js";
import type { CommunePlan } from "./plan.js";
import { addDays, millions } from "./dates.js";

/** A fund keeps this share of what it could pay for other spending: houses never take it all. */
const FUND_KEEPS = 40n;
const MAX_FUND_SHARE = 60_000_000n;

/** A house's dates for its final state: handed over in 2010–2019, cancelled, or still in progress. */
function houseDates(rng: SeededRandom, status: HouseStatus, cancelledAt: HouseStatus) {
  const d = { approvedOn: null, constructionStartedOn: null, handedOverOn: null, cancelledOn: null } as Record<
    string,
    string | null
  >;
  const inProgress = status !== HouseStatus.HANDED_OVER && status !== HouseStatus.CANCELLED;
  const proposedOn = inProgress
    ? rng.dateBetween("2020-01-15", "2020-08-31")
    : rng.dateBetween("2010-01-01", "2019-07-31");
  let last = proposedOn;
  const reached = status === HouseStatus.CANCELLED ? cancelledAt : status;
  const steps: [HouseStatus, string][] = [
    [HouseStatus.APPROVED, "approvedOn"],
    [HouseStatus.UNDER_CONSTRUCTION, "constructionStartedOn"],
    [HouseStatus.HANDED_OVER, "handedOverOn"],
  ];
  const order = [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION, HouseStatus.HANDED_OVER];
  for (const [step, key] of steps) {
    if (order.indexOf(step) > order.indexOf(reached)) break;
    last = addDays(last, rng.int(10, 60));
    d[key] = last;
  }
  // Hand-overs stay inside 2010–2019: the province's ten-year report counts them.
  if (d.handedOverOn && d.handedOverOn > "2019-12-31") d.handedOverOn = "2019-12-31";
  if (status === HouseStatus.CANCELLED) d.cancelledOn = addDays(last, rng.int(5, 40));
  return { proposedOn, ...d };
}

const SPONSORS = [
  "Ngân hàng TMCP Công Thương",
  "Công ty Cổ phần Xuất nhập khẩu An Giang",
  "Tập đoàn Lộc Trời",
  "Báo Tuổi Trẻ",
  "Hội Doanh nhân trẻ tỉnh",
  "Công ty Điện lực An Giang",
];
const CANCEL_REASONS = ["Hộ chuyển đi nơi khác", "Hộ tự xây dựng bằng nguồn khác", "Không đủ điều kiện về đất ở"];

/**
 * One commune's Great Solidarity houses: the planned number handed over in 2010–2019 (one per
 * household, those ever poor first; exactly the planned number of them newly built, the rest
 * repaired), plus a few cancelled or still in progress in 2020. The commune fund pays its share
 * when it can on the day construction starts and still keep its reserve, else the district fund;
 * otherwise sponsors and the family pay. Starting construction debits the paying fund (as the
 * mutation does).
 */
export function buildHouses(
  rng: SeededRandom,
  plan: CommunePlan,
  everPoor: boolean[],
  book: FundBook,
  nextId: () => number,
): SolidarityHouse[] {
  const extra = Math.round(plan.housesHandedOver * (0.05 + rng.next() * 0.06));
  const total = Math.min(plan.housesHandedOver + extra, plan.households);
  // Households in a random order, those ever poor first (a stable sort keeps the shuffle within each group).
  const shuffled = [...everPoor.keys()];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const poorFirst = shuffled.sort((a, b) => Number(everPoor[b]) - Number(everPoor[a]));
  // The handed-over houses' kinds: exactly the plan's new builds, in a random order.
  const handedOverKinds = Array.from({ length: plan.housesHandedOver }, (_, k) =>
    k < plan.housesNew ? HouseWorkKind.NEW : HouseWorkKind.REPAIR,
  );
  for (let i = handedOverKinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [handedOverKinds[i], handedOverKinds[j]] = [handedOverKinds[j]!, handedOverKinds[i]!];
  }
  const communeFund = fundIdFor(plan.unit.code);
  const districtFund = fundIdFor(plan.districtCode);
  const houses: SolidarityHouse[] = [];
  for (let k = 0; k < total; k++) {
    const status =
      k < plan.housesHandedOver
        ? HouseStatus.HANDED_OVER
        : rng.weighted([
            [HouseStatus.CANCELLED, 4],
            [HouseStatus.PROPOSED, 4],
            [HouseStatus.APPROVED, 3],
            [HouseStatus.UNDER_CONSTRUCTION, 4],
          ] as const);
    const kind =
      k < plan.housesHandedOver ? handedOverKinds[k]! : rng.chance(0.7) ? HouseWorkKind.NEW : HouseWorkKind.REPAIR;
    const cancelledAt = rng.pick([HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION]);
    const cost = kind === HouseWorkKind.NEW ? millions(rng, 40, 80) : millions(rng, 15, 35);
    let fundAmount = kind === HouseWorkKind.NEW ? millions(rng, 25, 50) : millions(rng, 10, 25);
    if (fundAmount > cost) fundAmount = cost;
    if (fundAmount > MAX_FUND_SHARE) fundAmount = MAX_FUND_SHARE;
    const dates = houseDates(rng, status, cancelledAt);
    // The fund pays on the day construction starts (or would have, for a house that never got there).
    const step = dates as Record<string, string | null>;
    const payDay = step.constructionStartedOn ?? step.approvedOn ?? dates.proposedOn;
    const payer = book.canPay(communeFund, payDay, fundAmount, FUND_KEEPS)
      ? communeFund
      : book.canPay(districtFund, payDay, fundAmount, FUND_KEEPS)
        ? districtFund
        : null;
    if (!payer) fundAmount = 0n;
    const sponsorAmount = rng.chance(0.5) || !payer ? ((cost - fundAmount) * BigInt(rng.int(30, 90))) / 100n : 0n;
    const house = {
      id: nextId(),
      householdId: plan.firstHouseholdId + poorFirst[k]!,
      communeCode: plan.unit.code,
      districtCode: plan.districtCode,
      kind,
      hardFloor: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardFrame: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardRoof: kind === HouseWorkKind.NEW || rng.chance(0.8),
      fundAmountVnd: fundAmount,
      sponsorAmountVnd: sponsorAmount,
      familyAmountVnd: cost - fundAmount - sponsorAmount,
      sponsorName: sponsorAmount > 0n ? rng.pick(SPONSORS) : null,
      fundId: payer,
      status,
      ...dates,
      cancelReason: status === HouseStatus.CANCELLED ? rng.pick(CANCEL_REASONS) : null,
      version: 1,
    } as SolidarityHouse;
    houses.push(house);
    if (payer && house.constructionStartedOn)
      book.post(payer, house.constructionStartedOn, FundEntryKind.HOUSE, -fundAmount, "SolidarityHouse", house.id);
  }
  return houses;
}
