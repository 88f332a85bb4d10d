import { BadUserInputError, kitMessage, NotFoundError, UNIT_CODE_PATTERN } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import type { AdministrativeUnit } from "./administrative-unit.entity.js";

/**
 * A unit named by an argument: a malformed code is BAD_USER_INPUT, an unknown one NOT_FOUND,
 * both naming `field`. Read from this subgraph's own table (it owns the units), through the
 * request's loader.
 */
export async function requireUnit(ctx: OrganisationsContext, code: string, field: string): Promise<AdministrativeUnit> {
  if (!UNIT_CODE_PATTERN.test(code)) throw BadUserInputError.field(field, kitMessage("unitCode"));
  const unit = await ctx.loaders.unit.load(code);
  if (!unit) throw new NotFoundError(kitMessage("thingUnit"), field);
  return unit;
}
