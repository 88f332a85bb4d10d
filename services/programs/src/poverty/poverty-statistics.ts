import {
  BadUserInputError,
  drillDownOf,
  inWindows,
  kitMessage,
  rate,
  reviewDay,
  todayInProvince,
  windowsOf,
  type FigureUnit,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { coverageFor, figureRef, reviewCoverage } from "../figure-units.js";
import type { PovertyCounts, PovertyStatistics } from "./poverty-statistics.type.js";

/** A review year argument: a whole year from 2000 to 2100. */
export function checkYear(year: number, field = "year"): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw BadUserInputError.field(field, kitMessage("yearBetween", { min: 2000, max: 2100 }));
}

/**
 * A unit's figures: the sum over the communes of its territory through time (a 2025 commune's
 * predecessors included) that were in force on the review's day (kit windows: the end-2025 review's
 * 30307 is Phường Long Xuyên's, never Phường Mỹ Hòa's); drill-down one level below, on the unit's
 * viewed day.
 */
export function statisticsFor(unit: FigureUnit, year: number, tally: Map<string, PovertyCounts>): PovertyStatistics {
  const windows = windowsOf(unit);
  const day = reviewDay(year);
  const communes = [...new Set(windows.map((w) => w.code))].filter((c) => inWindows(windows, c, day));
  const counts = communes.reduce(
    (s, c) => {
      const t = tally.get(c);
      return t
        ? { households: s.households + t.households, poor: s.poor + t.poor, nearPoor: s.nearPoor + t.nearPoor }
        : s;
    },
    { households: 0, poor: 0, nearPoor: 0 },
  );
  return {
    unit: figureRef(unit),
    year,
    ...counts,
    poorRate: rate(counts.poor, counts.households),
    nearPoorRate: rate(counts.nearPoor, counts.households),
    byChildUnit: drillDownOf(unit, todayInProvince()).map((child) => statisticsFor(child, year, tally)),
    coverage: coverageFor(unit, reviewCoverage(year)),
  };
}

/**
 * Poverty figures for a unit (public aggregates), as Query.povertyStatistics and
 * AdministrativeUnit.povertyStatistics answer them: from the per-commune tallies, read once per
 * year and request (poverty.loader.ts).
 */
export async function povertyStatisticsOf(
  ctx: ProgramsContext,
  unit: FigureUnit,
  year: number,
): Promise<PovertyStatistics> {
  checkYear(year);
  return statisticsFor(unit, year, await ctx.loaders.povertyTally.get(year));
}
