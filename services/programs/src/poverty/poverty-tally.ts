import type { DataSource, EntityManager } from "typeorm";
import { PovertyTally } from "./poverty-classification.entity.js";
import type { PovertyCounts } from "./poverty-statistics.type.js";

/** One year's tallies for every commune: one statement, at most one row per commune. */
export async function tallyByCommune(ds: DataSource, year: number): Promise<Map<string, PovertyCounts>> {
  const rows = await ds.getRepository(PovertyTally).findBy({ year });
  return new Map(rows.map((r) => [r.communeCode, { households: r.households, poor: r.poor, nearPoor: r.nearPoor }]));
}

/** Adds to a commune's tally for a year, creating its row on first use (inside the review's transaction). */
export async function adjustTally(
  m: EntityManager,
  communeCode: string,
  year: number,
  d: { households: number; poor: number; nearPoor: number },
): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(PovertyTally)
    .values({ communeCode, year, households: 0, poor: 0, nearPoor: 0 })
    .orIgnore()
    .execute();
  await m
    .createQueryBuilder()
    .update(PovertyTally)
    .set({
      households: () => `households + ${d.households}`,
      poor: () => `poor + ${d.poor}`,
      nearPoor: () => `near_poor + ${d.nearPoor}`,
    })
    .where({ communeCode, year })
    .execute();
}
