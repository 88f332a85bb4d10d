import type { DataSource } from "typeorm";
import { BulkLoad, SeededRandom, type SeedProgress } from "@danvan/kit/seeding";
import { Household } from "../src/households/household.entity.js";
import { HouseholdYearTally } from "../src/households/household-year-tally.entity.js";
import { PovertyClassification, PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import { Fund, FundEntry } from "../src/fund/fund.entity.js";
import { Contribution, FundTransfer } from "../src/fund/contribution.entity.js";
import { FundYearTally } from "../src/fund/fund-year-tally.entity.js";
import { SupportTally } from "../src/support/support-tally.entity.js";
import { SupportEvent } from "../src/support/support-event.entity.js";
import { SupportMonthTally } from "../src/support/support-month-tally.entity.js";
import { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseTally } from "../src/houses/house-tally.entity.js";
import { HouseStatus } from "../src/houses/house-enums.js";
import { MobilisationModel } from "../src/models/mobilisation-model.entity.js";
import { MemberProject } from "../src/projects/member-project.entity.js";
import { FundBook } from "./fund-book.js";
import { buildContributionsAndTransfers, buildFunds } from "./funds.gen.js";
import { householdSizes } from "./household-sizes.js";
import { buildHouseholds } from "./households.gen.js";
import { buildHouses } from "./houses.gen.js";
import { buildModels, buildProjects } from "./models-projects.gen.js";
import { peopleInPoorTargets, planCommunes, SPECS, YEARS, type SeedScale } from "./plan.js";
import { reviewStatuses } from "./standing.js";
import { buildSupport } from "./support.gen.js";
import { seedLaterYears } from "./later.js";
import { inProgress } from "./finish-houses.gen.js";
import { buildLaterModels, buildLaterProjects, laterProjectCount } from "./later-models-projects.gen.js";
import { LATER_ACTIVITY_YEARS, LATER_YEARS } from "./published-figures.js";
import { kgHouseholds } from "./kien-giang-plan.js";

export { SCALES, type SeedScale } from "./plan.js";

const SEED = 20191231;
const LATER_MODELS_SEED = 20211231;
const LATER_PROJECTS_SEED = 20200701;
/** Support events per household and year, on average: sizes the progress bar only. */
const VISITS_PER_HOUSEHOLD_YEAR = 0.71;

/**
 * Loads the deterministic programs dataset with the bulk loader. First the plan (households,
 * people and poverty per commune from the published figures, plan.ts), the funds' receipts and
 * transfers, every household's status at each review (standing.ts) and size (household-sizes.ts,
 * calibrated to the census and the published people in poor households); then commune by commune
 * (so memory stays flat at full scale): households and their reviews 2010–2019 with exact
 * per-commune tallies, support events, houses, and the analysts' household-year and support-month
 * rollups (summed while the rows are generated, written like the rows), every payment checked
 * against its fund's balance on its day and after (fund-book.ts); then the 2019 map's funds'
 * carry-overs to the 2025 map's (issue 27, src/fund/funds-2025.ts: dated 2025, after every
 * published figure), contributions and transfers, the fund ledger and its year tallies, models
 * and projects; old Kiên Giang's register and reviews from end-2020 (later.ts, kien-giang.gen.ts).
 * The funds go last: their presence marks a complete load.
 */
export async function seedPrograms(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const scale = opts.scale ?? "full";
  const spec = SPECS[scale];
  const rng = new SeededRandom(SEED);
  const plans = planCommunes(scale, rng);
  const book = new FundBook();
  const { contributions, transfers } = buildContributionsAndTransfers(scale, rng, plans, book);

  const load = await BulkLoad.open(
    ds,
    [
      Household,
      PovertyClassification,
      PovertyTally,
      SupportEvent,
      SupportTally,
      SolidarityHouse,
      HouseTally,
      HouseholdYearTally,
      SupportMonthTally,
      Contribution,
      FundTransfer,
      FundEntry,
      FundYearTally,
      MobilisationModel,
      MemberProject,
      Fund,
    ],
    opts.progress,
  );
  try {
    const years = YEARS.length + LATER_YEARS.length;
    // Old Kiên Giang's register from 2020, reviewed at the later reviews only (kien-giang.gen.ts).
    const kienGiang = kgHouseholds(scale);
    const w = {
      household: load.table(Household, spec.households + kienGiang),
      classification: load.table(PovertyClassification, spec.households * years + kienGiang * LATER_YEARS.length),
      tally: load.table(PovertyTally, plans.length * years),
      support: load.table(
        SupportEvent,
        Math.round(spec.households * (YEARS.length + LATER_ACTIVITY_YEARS.length / 2) * VISITS_PER_HOUSEHOLD_YEAR),
      ),
      supportTally: load.table(SupportTally, plans.length * years * 7),
      house: load.table(
        SolidarityHouse,
        plans.reduce((s, p) => s + p.housesHandedOver, 0),
      ),
      houseTally: load.table(HouseTally, plans.length * years * 2),
      // The analysts' rollups, sized for the progress bar: sizes 1–8 and three statuses a year;
      // six kinds, three statuses and the Tết gifts a month.
      householdYearTally: load.table(HouseholdYearTally, plans.length * years * 8 * 3),
      supportMonthTally: load.table(SupportMonthTally, plans.length * years * (11 * 6 * 3 + 2 * 2 * 2)),
    };
    const ranks: Float64Array[] = [];
    const statuses = plans.map((plan) => reviewStatuses(rng, plan, (rank) => ranks.push(rank)));
    const sizes = householdSizes(rng, plans, statuses, peopleInPoorTargets(scale));
    let supportId = 0;
    let houseId = 0;
    const unfinished: SolidarityHouse[][] = [];
    for (const [c, plan] of plans.entries()) {
      const rows = buildHouseholds(rng, plan, statuses[c]!, sizes);
      await w.household.writeMany(rows.households);
      await w.classification.writeMany(rows.classifications);
      await w.tally.writeMany(rows.tallies);
      await w.householdYearTally.writeMany(rows.householdYearTallies);
      const support = buildSupport(rng, plan, statuses[c]!, book, () => ++supportId);
      await w.support.writeMany(support.support);
      await w.supportTally.writeMany(support.supportTallies);
      await w.supportMonthTally.writeMany(support.supportMonthTallies);
      const houses = buildHouses(rng, plan, rows.everPoor, book, () => ++houseId);
      // Those left in progress in 2020 finish in 2021–2022, once every row of 2010–2019 is booked.
      await w.house.writeMany(houses.filter((h) => !inProgress(h)));
      unfinished.push(houses.filter(inProgress));
      await w.houseTally.writeMany(handOverTallies(houses));
    }
    // 2020 to the last day, with its own random stream, once every row of 2010–2019 is booked.
    const later = await seedLaterYears(
      {
        scale,
        plans,
        statuses,
        ranks,
        sizes,
        book,
        unfinished,
        nextSupportId: () => ++supportId,
        nextHouseId: () => ++houseId,
        firstContributionId: contributions.length + 1,
        firstTransferId: transfers.length + 1,
      },
      w,
    );
    for (const writer of Object.values(w)) await writer.close();
    const all = async <T extends object>(target: new () => T, rows: Partial<T>[]) => {
      const writer = load.table(target, rows.length);
      await writer.writeMany(rows);
      await writer.close();
    };
    await all(Contribution, [...contributions, ...later.contributions]);
    await all(FundTransfer, [...transfers, ...later.transfers]);
    await all(FundEntry, book.ledger);
    await all(FundYearTally, book.tallies());
    const models = buildModels(rng, spec.models);
    const projects = buildProjects(rng, spec.projects);
    // 2021 (projects: 2020-07-01) to the last day, on the map of their day, each from a stream of its own.
    models.push(...buildLaterModels(new SeededRandom(LATER_MODELS_SEED), spec.models / 5));
    projects.push(...buildLaterProjects(new SeededRandom(LATER_PROJECTS_SEED), laterProjectCount(spec.projects)));
    await all(MobilisationModel, models);
    await all(MemberProject, projects);
    await all(Fund, buildFunds(book, later.closures));
    return await load.finish();
  } catch (err) {
    await load.abort();
    throw err;
  }
}

/** The hand-over tally rows of one commune's houses. */
function handOverTallies(houses: SolidarityHouse[]): HouseTally[] {
  const tally = new Map<string, HouseTally>();
  for (const h of houses) {
    if (h.status !== HouseStatus.HANDED_OVER) continue;
    const year = Number(h.handedOverOn!.slice(0, 4));
    const key = `${year}:${h.kind}`;
    const t = tally.get(key) ?? { communeCode: h.communeCode, year, kind: h.kind, handedOver: 0 };
    t.handedOver++;
    tally.set(key, t);
  }
  return [...tally.values()];
}

export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Fund).count()) > 0;
}
