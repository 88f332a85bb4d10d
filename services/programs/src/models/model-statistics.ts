import { BadUserInputError, kitMessage, type FigureUnit } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { figureKey } from "../figure-units.js";
import type { ModelStatistics } from "./model-statistics.type.js";

/** A registration year argument, when given: 2000 to 2100. */
export function checkModelYear(year: number | null | undefined, field = "year"): void {
  if (year != null && (year < 2000 || year > 2100))
    throw BadUserInputError.field(field, kitMessage("yearBetween", { min: 2000, max: 2100 }));
}

/**
 * A unit's model counts (public aggregates), as Query.modelStatistics and
 * AdministrativeUnit.modelStatistics answer them: every unit asked for in one request shares a
 * statement (model.loader.ts).
 */
export async function modelStatisticsOf(
  ctx: ProgramsContext,
  unit: FigureUnit,
  year: number | null | undefined,
): Promise<ModelStatistics> {
  checkModelYear(year);
  return (await ctx.loaders.modelStatistics.for(year ?? null).load(figureKey(unit)))!;
}
