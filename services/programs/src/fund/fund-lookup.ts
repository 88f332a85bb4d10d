import { NotFoundError } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import type { Fund } from "./fund.entity.js";

/** A fund by id through the request's loader, or NOT_FOUND on `field` (the id is not echoed back). */
export async function requireFund(ctx: ProgramsContext, id: string, field: string): Promise<Fund> {
  const fund = await ctx.loaders.fund.load(id);
  if (!fund) throw new NotFoundError(programsMessage("thingFund"), field);
  return fund;
}
