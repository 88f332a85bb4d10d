import type { DataSource } from "typeorm";
import { childrenOf, communesIn, rate } from "@danvan/kit";
import { PovertyTally } from "./poverty-classification.entity.js";
import type { PovertyCounts, PovertyStatistics } from "./poverty-statistics.type.js";
import { unitRef } from "../federation/administrative-unit.ref.js";

/** One year's tallies for every commune: one statement, at most one row per commune. */
export async function tallyByCommune(ds: DataSource, year: number): Promise<Map<string, PovertyCounts>> {
  const rows = await ds.getRepository(PovertyTally).findBy({ year });
  return new Map(rows.map((r) => [r.communeCode, { households: r.households, poor: r.poor, nearPoor: r.nearPoor }]));
}

/** A unit's figures: the sum over the communes in its subtree; drill-down one level below. */
export function statisticsFor(unitCode: string, year: number, tally: Map<string, PovertyCounts>): PovertyStatistics {
  const counts = communesIn(unitCode).reduce(
    (s, c) => {
      const t = tally.get(c);
      return t
        ? { households: s.households + t.households, poor: s.poor + t.poor, nearPoor: s.nearPoor + t.nearPoor }
        : s;
    },
    { households: 0, poor: 0, nearPoor: 0 },
  );
  return {
    unit: unitRef(unitCode),
    year,
    ...counts,
    poorRate: rate(counts.poor, counts.households),
    nearPoorRate: rate(counts.nearPoor, counts.households),
    byChildUnit: childrenOf(unitCode).map((child) => statisticsFor(child.code, year, tally)),
  };
}
