import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { Household } from "../households/household.entity.js";
import { PovertyClassification } from "./poverty-classification.entity.js";

/** What the poverty reviews add to a Household: its reviews (households know nothing of poverty). */
@Resolver(() => Household)
export class HouseholdPovertyResolver {
  @FieldResolver(() => PovertyClassification, { nullable: true, description: "The review of one year, if held." })
  classification(
    @Root() h: Household,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyClassification | null> {
    return ctx.loaders.classificationIn.for(year).load(h.id);
  }

  @FieldResolver(() => [PovertyClassification], { description: "Every annual review, oldest first." })
  classifications(@Root() h: Household, @Ctx() ctx: ProgramsContext): Promise<PovertyClassification[]> {
    return ctx.loaders.classificationsOf.load(h.id);
  }
}
