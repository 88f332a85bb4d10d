import { BadUserInputError, kitMessage, NotFoundError } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import type { Household } from "./household.entity.js";

/**
 * A household by id through the request's loader: a malformed id is BAD_USER_INPUT, an unknown
 * one NOT_FOUND, both on `field` (the id is not echoed back). Access is the caller's check.
 */
export async function requireHousehold(ctx: ProgramsContext, id: string | number, field: string): Promise<Household> {
  if (!/^\d{1,12}$/.test(String(id)))
    throw BadUserInputError.field(field, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }));
  const household = await ctx.loaders.household.load(Number(id));
  if (!household) throw new NotFoundError(programsMessage("thingHousehold"), field);
  return household;
}
