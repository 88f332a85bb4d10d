import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { Household } from "../households/household.entity.js";
import { SupportEvent } from "./support-event.entity.js";

/** What support adds to a Household: the support it received (households know nothing of support). */
@Resolver(() => Household)
export class HouseholdSupportResolver {
  @FieldResolver(() => [SupportEvent], { description: "Support the household received, oldest first." })
  supportEvents(@Root() h: Household, @Ctx() ctx: ProgramsContext): Promise<SupportEvent[]> {
    return ctx.loaders.supportOf.load(h.id);
  }
}
