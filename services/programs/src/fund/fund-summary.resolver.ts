import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { FundSummary, SupportKindFigures } from "./fund-summary.type.js";
import { supportByKindFor } from "./fund-statistics.js";

@Resolver(() => FundSummary)
export class FundSummaryResolver {
  @FieldResolver(() => [SupportKindFigures], {
    description: "Support events by kind, with their value (every kind, zero included).",
  })
  async supportByKind(@Root() s: FundSummary, @Ctx() ctx: ProgramsContext): Promise<SupportKindFigures[]> {
    return supportByKindFor(s.unit.code, await ctx.loaders.supportByKind.get({ from: s.from, to: s.to }));
  }
}
