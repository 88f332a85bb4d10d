import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { UnitMap } from "@danvan/kit/federation";
import type { PetitionsContext } from "../context.js";
import { petitionAggregate } from "./petition-aggregate.js";
import { selects } from "./selected-fields.js";
import {
  PetitionAggregate,
  PetitionAggregateFilter,
  PetitionAggregateOrder,
  PetitionDimension,
} from "./petition-aggregate.type.js";

/** The analysts' grouped petition figures: public statistics, small cells suppressed for the public. */
@Resolver(() => PetitionAggregate)
export class PetitionAggregateResolver {
  @Query(() => PetitionAggregate, {
    nullable: true,
    description:
      "Petitions received in a period in a unit and the units below it (the unit the code names now, through time: a 2025 commune counts its predecessors' petitions), grouped by up to four dimensions; any grouping, on either map, adds up to petitionStatistics of the same unit and period. The public sees a group under 5 petitions as suppressed; analysts, administrators and officers in their own units see every group.",
  })
  petitionAggregate(
    @Arg("unitCode", () => ID, {
      description: "The unit (province, district or commune) whose petitions are counted: the unit the code names now.",
    })
    unitCode: string,
    @Arg("from", () => DateScalar, { description: "First day of receipt counted." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of receipt counted." }) to: string,
    @Arg("groupBy", () => [PetitionDimension], {
      description: "The dimensions to group by, each once, at most four; none gives one row of totals.",
    })
    groupBy: PetitionDimension[],
    @Arg("filter", () => PetitionAggregateFilter, { nullable: true, description: "Which petitions to count." })
    filter: PetitionAggregateFilter | null,
    @Arg("orderBy", () => [PetitionAggregateOrder], {
      nullable: true,
      description: "Sort keys, each a grouped dimension or a measure; then the dimensions in grouping order.",
    })
    orderBy: PetitionAggregateOrder[] | null,
    @Arg("first", () => Int, { nullable: true, description: "How many rows to return: 1 to 1,000, 100 by default." })
    first: number | null,
    @Arg("map", () => UnitMap, {
      nullable: true,
      defaultValue: UnitMap.AS_RECORDED,
      description:
        "The map DISTRICT and COMMUNE use: the units as they were on each petition's day of receipt (the default), or today's (each petition under the 2025 commune its commune went into; no districts).",
    })
    map: UnitMap | null,
    @Ctx() ctx: PetitionsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PetitionAggregate> {
    const withMedian = selects(info, ["rows", "medianDaysToResolve"]);
    return petitionAggregate(ctx.ds, ctx.identity, {
      unitCode,
      from,
      to,
      groupBy,
      filter,
      orderBy,
      first,
      map,
      withMedian,
    });
  }
}
