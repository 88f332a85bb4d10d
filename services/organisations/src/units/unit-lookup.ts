import { BadUserInputError, kitMessage, NotFoundError, todayInProvince, UNIT_CODE_PATTERN } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { inForceOn, type AdministrativeUnit } from "./administrative-unit.entity.js";

/**
 * A unit named by an argument: a malformed code is BAD_USER_INPUT, an unknown one NOT_FOUND,
 * both naming `field`; with a date, the version in force on it (NOT_FOUND when the code named no
 * unit then), without one the version the code names now. Read from this subgraph's own table
 * (it owns the units), through the request's loaders.
 */
export async function requireUnit(
  ctx: OrganisationsContext,
  code: string,
  field: string,
  asOf: string | null = null,
): Promise<AdministrativeUnit> {
  if (!UNIT_CODE_PATTERN.test(code)) throw BadUserInputError.field(field, kitMessage("unitCode"));
  const unit = asOf
    ? (await ctx.loaders.versionsOfCode.load(code)).find((u) => inForceOn(u, asOf))
    : await ctx.loaders.unit.load(code);
  if (!unit) throw new NotFoundError(kitMessage("thingUnit"), field);
  return unit;
}

/** The day a unit is looked at on when none is given: today while it is in force, else its last day. */
export function viewedOn(unit: Pick<AdministrativeUnit, "validFrom" | "validTo">): string {
  const today = todayInProvince();
  return unit.validTo !== null && unit.validTo < today ? unit.validTo : today < unit.validFrom ? unit.validFrom : today;
}
