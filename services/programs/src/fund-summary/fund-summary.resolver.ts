import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { checkUnitArgument, DateScalar, figureUnit } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { supportByKindFor } from "../support/support-figures.js";
import { fundSummaryOf } from "./fund-summary-statistics.js";
import { FundSummary, SupportKindFigures } from "./fund-summary.type.js";

@Resolver(() => FundSummary)
export class FundSummaryResolver {
  @Query(() => FundSummary, {
    nullable: true,
    description: "The Fund for the Poor's work in a unit and the units below it, over a period.",
  })
  fundSummary(
    @Arg("unitCode", () => ID) unitCode: string,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: ProgramsContext,
  ): Promise<FundSummary> {
    checkUnitArgument(unitCode);
    return fundSummaryOf(ctx, figureUnit(unitCode), from, to);
  }

  @FieldResolver(() => [SupportKindFigures], {
    description: "Support events by kind, with their value (every kind, zero included).",
  })
  async supportByKind(@Root() s: FundSummary, @Ctx() ctx: ProgramsContext): Promise<SupportKindFigures[]> {
    return supportByKindFor(
      figureUnit(s.unit.code, s.unit.validFrom),
      await ctx.loaders.supportByKind.get({ from: s.from, to: s.to }),
    );
  }
}
