import { BadUserInputError, childrenOf, communesIn, kitMessage, rate } from "@danvan/kit";
import { unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import type { PovertyCounts, PovertyStatistics } from "./poverty-statistics.type.js";

/** A review year argument: a whole year from 2000 to 2100. */
export function checkYear(year: number, field = "year"): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw BadUserInputError.field(field, kitMessage("yearBetween", { min: 2000, max: 2100 }));
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

/**
 * Poverty figures for a unit (public aggregates), as Query.povertyStatistics and
 * AdministrativeUnit.povertyStatistics answer them: from the per-commune tallies, read once per
 * year and request (poverty.loader.ts).
 */
export async function povertyStatisticsOf(
  ctx: ProgramsContext,
  unitCode: string,
  year: number,
): Promise<PovertyStatistics> {
  checkYear(year);
  return statisticsFor(unitCode, year, await ctx.loaders.povertyTally.get(year));
}
