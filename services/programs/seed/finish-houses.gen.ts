import type { SeededRandom } from "@danvan/kit/seeding";
import type { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../src/houses/house-enums.js";
import { fundIdFor } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./fund-book.js";
import type { LaterPlan } from "./later-plan.js";
import type { LaterTallies } from "./later-tallies.js";
import { LATER_ACTIVITY_YEARS } from "./published-figures.js";
import type { CommunePlan } from "./plan.js";
import { addDays, millions } from "./dates.js";

const FUND_KEEPS = 40n;
const MAX_FUND_SHARE = 60_000_000n;
const SPONSOR = "Hội Doanh nhân trẻ tỉnh";
const CANCEL_REASONS = ["Hộ chuyển đi nơi khác", "Hộ tự xây dựng bằng nguồn khác", "Không đủ điều kiện về đất ở"];
/** The years the houses left in progress in 2020 finish in. */
const FINISH_YEARS = [2021, 2022] as const;

/** Whether a house of the 2010–2019 seed was left in progress (proposed in 2020, not handed over or cancelled). */
export const inProgress = (h: SolidarityHouse): boolean =>
  h.status === HouseStatus.PROPOSED || h.status === HouseStatus.APPROVED || h.status === HouseStatus.UNDER_CONSTRUCTION;

/**
 * The houses the 2010–2019 seed left in progress in 2020 (proposed 2020-01-15 – 2020-08-31) finish
 * in 2021–2022 (issue 27): most are handed over, the rest cancelled. A hand-over takes a place of
 * the commune's planned hand-overs of its year and kind (later-plan.ts: `later` is reduced), so the
 * years' province totals stay the figures; a house with no place left in 2021 or 2022 is cancelled.
 * A house that starts building now is paid on its start day like any other (the commune's fund
 * when it can pay and keep its reserve, else the district's, else sponsors and the family), checked
 * by the FundBook; one already building was paid in 2020. Called once every 2010–2019 row is
 * booked, on a random stream of its own: no earlier row or payment changes. Hand-overs counted in `tallies`.
 */
export function finishHouses(
  rng: SeededRandom,
  plan: CommunePlan,
  later: LaterPlan,
  houses: readonly SolidarityHouse[],
  book: FundBook,
  tallies: LaterTallies,
): SolidarityHouse[] {
  for (const h of houses) {
    if (!inProgress(h)) throw new Error(`house ${h.id} is not in progress`);
    const last = h.constructionStartedOn ?? h.approvedOn ?? h.proposedOn;
    const want = rng.chance(0.85) ? (rng.chance(0.6) ? [0, 1] : [1, 0]) : [];
    const room = (i: number) =>
      h.kind === HouseWorkKind.NEW ? later.built[i]! > 0 : later.handedOver[i]! - later.built[i]! > 0;
    const y = want.map((i) => LATER_ACTIVITY_YEARS.indexOf(FINISH_YEARS[i]!)).find(room);
    if (y === undefined) {
      Object.assign(h, {
        status: HouseStatus.CANCELLED,
        cancelledOn: rng.dateBetween(addDays(last, 5) > "2021-01-15" ? addDays(last, 5) : "2021-01-15", "2021-06-30"),
        cancelReason: rng.pick(CANCEL_REASONS),
      });
      continue;
    }
    later.handedOver[y]!--;
    if (h.kind === HouseWorkKind.NEW) later.built[y]!--;
    const year = LATER_ACTIVITY_YEARS[y]!;
    const handedOverOn = rng.dateBetween(`${year}-03-01`, `${year}-12-31`);
    if (!h.constructionStartedOn) {
      const start = addDays(handedOverOn, -rng.int(30, 90));
      if (!h.approvedOn) h.approvedOn = addDays(start, -rng.int(10, 30));
      h.constructionStartedOn = start;
      pay(rng, plan, h, book);
    }
    Object.assign(h, { status: HouseStatus.HANDED_OVER, handedOverOn });
    tallies.handedOver(h.communeCode, handedOverOn, h.kind);
  }
  return [...houses];
}

/** A house starting to build after 2020: its fund share paid on the start day when a fund can, else sponsors and the family. */
function pay(rng: SeededRandom, plan: CommunePlan, h: SolidarityHouse, book: FundBook): void {
  const cost = h.fundAmountVnd + h.sponsorAmountVnd + h.familyAmountVnd;
  let wanted =
    h.fundAmountVnd > 0n
      ? h.fundAmountVnd
      : h.kind === HouseWorkKind.NEW
        ? millions(rng, 25, 50)
        : millions(rng, 10, 25);
  if (wanted > cost) wanted = cost;
  if (wanted > MAX_FUND_SHARE) wanted = MAX_FUND_SHARE;
  const on = h.constructionStartedOn!;
  const payer = [fundIdFor(plan.unit.code), fundIdFor(plan.districtCode)].find((f) =>
    book.canPay(f, on, wanted, FUND_KEEPS),
  );
  const fund = payer ? wanted : 0n;
  let sponsor = h.sponsorAmountVnd < cost - fund ? h.sponsorAmountVnd : cost - fund;
  if (!payer && sponsor === 0n) sponsor = (cost * BigInt(rng.int(30, 90))) / 100n;
  Object.assign(h, {
    fundId: payer ?? null,
    fundAmountVnd: fund,
    sponsorAmountVnd: sponsor,
    sponsorName: sponsor > 0n ? (h.sponsorName ?? SPONSOR) : null,
    familyAmountVnd: cost - fund - sponsor,
  });
  if (payer) book.post(payer, on, FundEntryKind.HOUSE, -fund, "SolidarityHouse", h.id);
}
