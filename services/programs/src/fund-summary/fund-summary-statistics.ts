import type { FigureUnit } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { checkPeriod } from "../arguments.js";
import { summaryFor } from "./fund-summary-figures.js";
import type { FundSummary } from "./fund-summary.type.js";

/**
 * A unit's fund summary over a period (public aggregates), as Query.fundSummary and
 * AdministrativeUnit.fundSummary answer it: from the period's shared statements.
 */
export async function fundSummaryOf(
  ctx: ProgramsContext,
  unit: FigureUnit,
  from: string,
  to: string,
): Promise<FundSummary> {
  checkPeriod(from, to);
  return summaryFor(unit, from, to, await ctx.loaders.periodFigures.get({ from, to }));
}
