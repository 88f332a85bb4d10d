import { SeededRandom } from "@danvan/kit/seeding";
import { REORGANISATION_2025 } from "@danvan/kit";
import type { PovertyClassification, PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import type { SupportEvent } from "../src/support/support-event.entity.js";
import type { SupportTally } from "../src/support/support-tally.entity.js";
import type { SupportMonthTally } from "../src/support/support-month-tally.entity.js";
import type { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import type { HouseTally } from "../src/houses/house-tally.entity.js";
import type { HouseholdYearTally } from "../src/households/household-year-tally.entity.js";
import type { Contribution, FundTransfer } from "../src/fund/contribution.entity.js";
import type { TableWriter } from "@danvan/kit/seeding";
import type { Household } from "../src/households/household.entity.js";
import type { FundBook } from "./fund-book.js";
import { buildCarryOvers, type Closure } from "./funds.gen.js";
import { buildLaterContributions, buildLaterTransfers, LATER_PERIODS } from "./later-funds.gen.js";
import { finishHouses } from "./finish-houses.gen.js";
import { draftLaterHouses, settleHouse, type HouseDraft } from "./later-houses.gen.js";
import { buildLaterReviews } from "./later-households.gen.js";
import { laterStatuses, planLater } from "./later-plan.js";
import { draftLaterSupport, settleSupport, type SupportDraft } from "./later-support.gen.js";
import { LaterTallies } from "./later-tallies.js";
import { communeOn } from "./map-of-the-day.js";
import { seedKienGiang } from "./kien-giang.gen.js";
import type { CommunePlan, SeedScale } from "./plan.js";

type Row<T> = Omit<T, "id"> & { id?: number };

/** The later years' own random stream: the rows of 2010–2019 draw nothing from it, and it nothing from theirs. */
export const LATER_SEED = 20261130;
/** The stream that finishes the houses left in progress in 2020. */
const FINISH_SEED = 20221231;

export interface LaterWriters {
  household: TableWriter<Household>;
  classification: TableWriter<PovertyClassification>;
  tally: TableWriter<PovertyTally>;
  householdYearTally: TableWriter<HouseholdYearTally>;
  support: TableWriter<SupportEvent>;
  supportTally: TableWriter<SupportTally>;
  supportMonthTally: TableWriter<SupportMonthTally>;
  house: TableWriter<SolidarityHouse>;
  houseTally: TableWriter<HouseTally>;
}

export interface LaterInput {
  scale: SeedScale;
  plans: readonly CommunePlan[];
  statuses: readonly Uint8Array[];
  /** Each commune's standing ranks after the 2019 review (standing.ts). */
  ranks: readonly Float64Array[];
  sizes: Uint8Array;
  book: FundBook;
  /** Each commune's houses the 2010–2019 seed left in progress in 2020 (finish-houses.gen.ts), not yet written. */
  unfinished: readonly SolidarityHouse[][];
  nextSupportId: () => number;
  nextHouseId: () => number;
  firstContributionId: number;
  firstTransferId: number;
}

/**
 * The dataset after 2019, to the last day (issue 27), once every row of 2010–2019 is booked (so
 * none of them changes): the later reviews' statuses, the old map's receipts and transfers to
 * 2025-06-30, then commune by commune the reviews, and the support and houses before 2025-07-01
 * (the later ones drawn and kept, small); then the carry-overs of the old funds' real balances at
 * 2025-06-30, the 2025 map's receipts and transfers, and the kept support and houses paid on the
 * 2025 funds; then old Kiên Giang's households and reviews from end-2020 (kien-giang.gen.ts, a
 * stream of their own, ids after An Giang's). The tallies go last, summed over the province.
 */
export async function seedLaterYears(
  input: LaterInput,
  w: LaterWriters,
): Promise<{ contributions: Row<Contribution>[]; transfers: Row<FundTransfer>[]; closures: Map<string, Closure> }> {
  const { scale, plans, book } = input;
  const rng = new SeededRandom(LATER_SEED);
  const finishRng = new SeededRandom(FINISH_SEED);
  const later = planLater(scale, plans);
  const statuses = plans.map((_, c) => laterStatuses(rng, input.ranks[c]!, later[c]!));
  const placed = new Map<string, number>();
  for (const p of plans)
    for (let i = 0; i < p.households; i++) {
      const code = communeOn(p.unit.code, p.firstHouseholdId + i, REORGANISATION_2025);
      placed.set(code, (placed.get(code) ?? 0) + 1);
    }
  const contributions: Row<Contribution>[] = [];
  const transfers: Row<FundTransfer>[] = [];
  let transferId = input.firstTransferId - 1;
  const nextTransferId = () => ++transferId;
  const receive = (map: 2019 | 2025) => {
    for (const p of LATER_PERIODS.filter((x) => x.map === map)) {
      const firstId = input.firstContributionId + contributions.length;
      contributions.push(...buildLaterContributions(scale, rng, p, plans, placed, book, firstId));
      transfers.push(...buildLaterTransfers(p, plans, placed, book, nextTransferId));
    }
  };
  receive(2019);

  const tallies = new LaterTallies();
  const kept: { support: SupportDraft[]; houses: HouseDraft[] }[] = [];
  for (const [c, plan] of plans.entries()) {
    const reviews = buildLaterReviews(rng, plan, input.statuses[c]!, statuses[c]!, input.sizes, tallies);
    await w.classification.writeMany(reviews.classifications);
    // 2020's unfinished houses take their places in the commune's plan before the later houses are drawn.
    await w.house.writeMany(finishHouses(finishRng, plan, later[c]!, input.unfinished[c]!, book, tallies));
    const support = draftLaterSupport(rng, plan, statuses[c]!, input.nextSupportId);
    const houses = draftLaterHouses(rng, plan, later[c]!, reviews.everPoor, input.nextHouseId);
    const before = (on: string) => on < REORGANISATION_2025;
    await w.support.writeMany(support.filter((d) => before(d.givenOn)).map((d) => settleSupport(d, book, tallies)));
    await w.house.writeMany(houses.filter((d) => before(d.payDay)).map((d) => settleHouse(d, book, tallies)));
    kept.push({ support: support.filter((d) => !before(d.givenOn)), houses: houses.filter((d) => !before(d.payDay)) });
  }

  // Every entry of the old funds is booked: their balances of 2025-06-30 go to the 2025 funds.
  const carries = buildCarryOvers(book, transferId + 1);
  transferId += carries.transfers.length;
  transfers.push(...carries.transfers);
  receive(2025);
  for (const k of kept) {
    await w.support.writeMany(k.support.map((d) => settleSupport(d, book, tallies)));
    await w.house.writeMany(k.houses.map((d) => settleHouse(d, book, tallies)));
  }
  const last = plans[plans.length - 1]!;
  await seedKienGiang(scale, last.firstHouseholdId + last.households, w, tallies);
  await w.tally.writeMany([...tallies.poverty.values()]);
  await w.householdYearTally.writeMany([...tallies.householdYear.values()]);
  await w.supportTally.writeMany([...tallies.support.values()]);
  await w.supportMonthTally.writeMany([...tallies.supportMonth.values()]);
  await w.houseTally.writeMany([...tallies.house.values()]);
  return { contributions, transfers, closures: carries.closures };
}
