import { Args, Ctx, Query, Resolver } from "type-graphql";
import { checkUnitArgument } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { contributionAggregateOf } from "./contribution-aggregate.js";
import { ContributionAggregate, ContributionAggregateArgs } from "./contribution-aggregate.type.js";
import { houseAggregateOf } from "./house-aggregate.js";
import { HouseAggregate, HouseAggregateArgs } from "./house-aggregate.type.js";
import { householdAggregateOf } from "./household-aggregate.js";
import { HouseholdAggregate, HouseholdAggregateArgs } from "./household-aggregate.type.js";
import { supportAggregateOf } from "./support-aggregate.js";
import { SupportAggregate, SupportAggregateArgs } from "./support-aggregate.type.js";

/**
 * The analysts' grouped aggregates over programs' facts (issue 18): public statistics, like
 * povertyStatistics and fundSummary, which they add up to. Each answers with one SQL statement.
 */
@Resolver()
export class AggregatesResolver {
  @Query(() => HouseholdAggregate, {
    nullable: true,
    description:
      "Households registered in a unit and the units below it and reviewed in a year, grouped (povertyStatistics' figures).",
  })
  householdAggregate(@Args() args: HouseholdAggregateArgs, @Ctx() ctx: ProgramsContext): Promise<HouseholdAggregate> {
    checkUnitArgument(args.unitCode);
    return householdAggregateOf(ctx, args);
  }

  @Query(() => SupportAggregate, {
    nullable: true,
    description:
      "Support events to households of a unit and the units below it over a period, grouped (they add up to fundSummary's supportEvents; the published kinds to poor and near-poor recipients, to its supportVisits).",
  })
  supportAggregate(@Args() args: SupportAggregateArgs, @Ctx() ctx: ProgramsContext): Promise<SupportAggregate> {
    checkUnitArgument(args.unitCode);
    return supportAggregateOf(ctx, args);
  }

  @Query(() => ContributionAggregate, {
    nullable: true,
    description:
      "Contributions received over a period by the Funds for the Poor of a unit and the units below it, grouped (they add up to fundSummary's raisedVnd).",
  })
  contributionAggregate(
    @Args() args: ContributionAggregateArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ContributionAggregate> {
    checkUnitArgument(args.unitCode);
    return contributionAggregateOf(ctx, args);
  }

  @Query(() => HouseAggregate, {
    nullable: true,
    description:
      "Great Solidarity houses of a unit and the units below it, each in its current state, grouped (the houses houseStatistics(from, to) counts).",
  })
  houseAggregate(@Args() args: HouseAggregateArgs, @Ctx() ctx: ProgramsContext): Promise<HouseAggregate> {
    checkUnitArgument(args.unitCode);
    return houseAggregateOf(ctx, args);
  }
}
