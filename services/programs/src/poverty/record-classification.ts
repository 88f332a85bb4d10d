import type { EntityManager } from "typeorm";
import { BadUserInputError, ConflictError, kitMessage, reviewDay } from "@danvan/kit";
import type { Household } from "../households/household.entity.js";
import { lockHousehold } from "../households/household-lock.js";
import { tallyReview } from "../households/household-year-tally.js";
import { programsMessage } from "../messages.js";
import { districtOnDay, householdCommuneOn } from "../unit-of-the-day.js";
import { moveRecipientStatus } from "../support/support-month-tally.js";
import { classify, isMiddleLivingStandard, ruleOf } from "./classify.js";
import { PovertyClassification } from "./poverty-classification.entity.js";
import { PovertyStandard, PovertyThreshold } from "./poverty-standard.entity.js";
import { PovertyStatus, transitionBetween } from "./poverty-status.js";
import { adjustTally } from "./poverty-tally.js";

const delta = (status: PovertyStatus, sign: 1 | -1) => ({
  poor: status === PovertyStatus.POOR ? sign : 0,
  nearPoor: status === PovertyStatus.NEAR_POOR ? sign : 0,
});

/**
 * Records (or revises) a household's review for a year, inside the caller's transaction: the
 * standard the province applied at that year's review classifies it (and says whether the
 * household lives at its middle living standard), the move from last year is derived, next year's
 * move is re-derived, and the commune's tally changes by exactly the difference, as do the
 * analysts' rollups: the household-year tally, and the support of that household in that year
 * (counted under the recipient's status of the year).
 */
export async function recordClassification(
  m: EntityManager,
  household: Household,
  input: {
    year: number;
    monthlyIncomePerPersonVnd: bigint;
    deprivations: number;
    classifiedOn: string;
    expectedVersion?: number | null;
  },
): Promise<PovertyClassification> {
  const standard = await m
    .createQueryBuilder(PovertyStandard, "s")
    .where("s.from_year <= :y AND s.to_year >= :y", { y: input.year })
    .getOne();
  if (!standard) throw BadUserInputError.field("input.year", programsMessage("noStandard"));
  if (input.deprivations > standard.deprivationIndicators && standard.deprivationIndicators > 0) {
    // The standard's code and its indicator count are reference data, not the caller's values.
    throw BadUserInputError.field(
      "input.deprivations",
      programsMessage("deprivationsOver", { max: standard.deprivationIndicators, standard: standard.code }),
    );
  }
  const threshold = await m.findOneByOrFail(PovertyThreshold, { standardCode: standard.code, area: household.area });
  const measure = { monthlyIncomePerPersonVnd: input.monthlyIncomePerPersonVnd, deprivations: input.deprivations };
  const rule = ruleOf(threshold);
  const status = classify(measure, rule);
  await lockHousehold(m, household.id);
  const [existing, previous, next] = await Promise.all([
    m.findOneBy(PovertyClassification, { householdId: household.id, year: input.year }),
    m.findOneBy(PovertyClassification, { householdId: household.id, year: input.year - 1 }),
    m.findOneBy(PovertyClassification, { householdId: household.id, year: input.year + 1 }),
  ]);
  const values = {
    standardCode: standard.code,
    status,
    transition: transitionBetween(previous?.status ?? null, status),
    monthlyIncomeVnd: input.monthlyIncomePerPersonVnd,
    deprivations: input.deprivations,
    middleLivingStandard: isMiddleLivingStandard(measure, rule),
    classifiedOn: input.classifiedOn,
  };
  if (existing) {
    if (input.expectedVersion == null)
      throw BadUserInputError.field("input.expectedVersion", programsMessage("expectedVersionToRevise"));
    const result = await m
      .createQueryBuilder()
      .update(PovertyClassification)
      .set({ ...values, version: () => "version + 1" })
      .where({ householdId: household.id, year: input.year, version: input.expectedVersion })
      .execute();
    if (result.affected !== 1)
      throw new ConflictError(kitMessage("changedByOthers", { thing: programsMessage("thingReview") }), {
        currentVersion: existing.version,
      });
    const old = delta(existing.status, -1);
    const now = delta(status, 1);
    await adjustTally(m, existing.communeCode, input.year, {
      households: 0,
      poor: old.poor + now.poor,
      nearPoor: old.nearPoor + now.nearPoor,
    });
    if (existing.status !== status) {
      await tallyReview(m, household.id, input.year, existing.status, -1);
      await tallyReview(m, household.id, input.year, status, 1);
    }
  } else {
    await m.insert(PovertyClassification, {
      ...values,
      householdId: household.id,
      year: input.year,
      // The commune and district of the review's day (the year's last day): the 2025 commune and none from 2025-07-01.
      communeCode: householdCommuneOn(household, reviewDay(input.year)),
      districtCode: districtOnDay(household.communeCode, reviewDay(input.year)),
      version: 1,
    });
    await adjustTally(m, householdCommuneOn(household, reviewDay(input.year)), input.year, {
      households: 1,
      ...delta(status, 1),
    });
    await tallyReview(m, household.id, input.year, status, 1);
  }
  await moveRecipientStatus(m, household.id, input.year, existing?.status ?? null, status);
  if (next) {
    await m.update(
      PovertyClassification,
      { householdId: household.id, year: input.year + 1 },
      { transition: transitionBetween(status, next.status) },
    );
  }
  return m.findOneByOrFail(PovertyClassification, { householdId: household.id, year: input.year });
}
