import type { EntityManager } from "typeorm";
import { placeholders } from "@danvan/kit";

/**
 * Keeps household_year_tally (household-year-tally.entity.ts) exact, inside the caller's
 * transaction. Registering a household adds nothing: a household counts from its first review,
 * as povertyStatistics counts it. A review counts the household under its status with its area
 * and size as its record has them; a change of area or size moves every review of the household.
 */

const COLUMNS = "year, commune_code, area, member_count, status, households, people";
const ADD = `ON CONFLICT (year, commune_code, area, member_count, status) DO UPDATE SET
  households = household_year_tally.households + excluded.households,
  people = household_year_tally.people + excluded.people`;

/** Counts (`sign` 1) or uncounts (-1) a household's review of `year` under `status`, in the commune the review was kept under. */
export async function tallyReview(
  m: EntityManager,
  householdId: number,
  year: number,
  status: string,
  sign: 1 | -1,
): Promise<void> {
  await m.query(
    placeholders(
      m.connection,
      `INSERT INTO household_year_tally (${COLUMNS})
       SELECT pc.year, pc.commune_code, h.area, h.member_count, CAST(? AS TEXT), ${sign}, ${sign} * h.member_count
         FROM household h JOIN poverty_classification pc ON pc.household_id = h.id AND pc.year = ?
        WHERE h.id = ? ${ADD}`,
    ),
    [status, year, householdId],
  );
}

/** A household's area or size as the tally keys its reviews. */
export interface HouseholdShape {
  area: string;
  memberCount: number;
}

/** A household's area or size changed: every review of it leaves the old key for the new one. */
export async function retallyHousehold(
  m: EntityManager,
  householdId: number,
  before: HouseholdShape,
  after: HouseholdShape,
): Promise<void> {
  if (before.area === after.area && before.memberCount === after.memberCount) return;
  for (const [shape, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    await m.query(
      placeholders(
        m.connection,
        `INSERT INTO household_year_tally (${COLUMNS})
         SELECT pc.year, pc.commune_code, CAST(? AS TEXT), CAST(? AS INTEGER), pc.status, ${sign}, CAST(? AS INTEGER)
           FROM poverty_classification pc WHERE pc.household_id = ? ${ADD}`,
      ),
      [shape.area, shape.memberCount, sign * shape.memberCount, householdId],
    );
  }
}
