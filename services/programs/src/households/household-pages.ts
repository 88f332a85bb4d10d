import { connectionFrom, pageRequest, type ConnectionShape, type FigureUnit } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { figureKey } from "../figure-units.js";
import { checkIntegerCursor } from "../arguments.js";
import type { Household } from "./household.entity.js";
import { assertCanReadHousehold } from "./household-access.js";

/**
 * A page of the households of a unit and the units below it, its predecessors' included
 * (personal: officers in scope), as Query.households and AdministrativeUnit.households answer it.
 */
export async function householdsOf(
  ctx: ProgramsContext,
  unit: FigureUnit,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Household>> {
  assertCanReadHousehold(ctx.identity, unit.code);
  const key = figureKey(unit);
  const page = pageRequest(args);
  checkIntegerCursor(page);
  const rows = await ctx.loaders.householdPage
    .for({ limit: page.limit, afterKey: page.afterKey as number | null })
    .load(key);
  // Reviews and support on the page point back to these households: serve them from here.
  for (const h of rows) ctx.loaders.household.prime(h.id, h);
  return connectionFrom(
    rows,
    page,
    (h) => h.id,
    async () => (await ctx.loaders.householdTotal.load(key))?.n ?? 0,
  );
}
