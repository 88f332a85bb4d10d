import type { FigureUnit } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { figureKey } from "../figure-units.js";
import { checkPeriod } from "../arguments.js";
import type { HousePeriodArgs } from "./house.input.js";
import type { HouseStatistics } from "./house-statistics.type.js";

/**
 * A unit's house counts (public aggregates), as Query.houseStatistics and
 * AdministrativeUnit.houseStatistics answer them: every unit asked for in one request shares a
 * statement (house.loader.ts).
 */
export async function houseStatisticsOf(
  ctx: ProgramsContext,
  unit: FigureUnit,
  period: HousePeriodArgs,
): Promise<HouseStatistics> {
  checkPeriod(period.from, period.to);
  const stats = await ctx.loaders.houseStatistics
    .for({ from: period.from ?? null, to: period.to ?? null })
    .load(figureKey(unit));
  return stats!;
}
