import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { requireUnit } from "../units/unit-lookup.js";
import { checkMemberGrouping, memberAggregate } from "./member-aggregate.js";
import {
  MemberAggregate,
  MemberAggregateFilter,
  MemberAggregateOrder,
  MemberAggregateRow,
  MemberDimension,
} from "./member-aggregate.type.js";

/** The analysts' grouped member figures: public statistics, small cells suppressed for the public. */
@Resolver(() => MemberAggregateRow)
export class MemberAggregateResolver {
  @Query(() => MemberAggregate, {
    nullable: true,
    description:
      "Members on a date of a unit's committees and every committee below them, grouped by up to four dimensions; any grouping adds up to the memberCount(asOf) of the unit's committees. The public sees a group under 5 members as suppressed; analysts, administrators and officers in their own units see every group.",
  })
  async memberAggregate(
    @Arg("unitCode", () => ID, {
      description: "The unit (province, district or commune) whose committees are counted.",
    })
    unitCode: string,
    @Arg("asOf", () => DateScalar, {
      nullable: true,
      description: "The day members are counted on (today in the province by default).",
    })
    asOf: string | null,
    @Arg("groupBy", () => [MemberDimension], {
      description: "The dimensions to group by, each once, at most four; none gives one row of totals.",
    })
    groupBy: MemberDimension[],
    @Arg("filter", () => MemberAggregateFilter, { nullable: true, description: "Which members to count." })
    filter: MemberAggregateFilter | null,
    @Arg("orderBy", () => [MemberAggregateOrder], {
      nullable: true,
      description: "Sort keys, each a grouped dimension or a measure; then the dimensions in grouping order.",
    })
    orderBy: MemberAggregateOrder[] | null,
    @Arg("first", () => Int, { nullable: true, description: "How many rows to return: 1 to 1,000, 100 by default." })
    first: number | null,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<MemberAggregate> {
    await requireUnit(ctx, unitCode, "unitCode");
    checkMemberGrouping({ groupBy, orderBy, first, filter });
    return memberAggregate(ctx.ds, ctx.identity, {
      unitCode,
      asOf: dateOrToday(asOf),
      groupBy,
      filter,
      orderBy,
      first,
    });
  }

  @FieldResolver()
  async district(
    @Root() row: MemberAggregateRow,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit | null> {
    return row.districtCode ? ((await ctx.loaders.unit.load(row.districtCode)) ?? null) : null;
  }

  @FieldResolver()
  async commune(@Root() row: MemberAggregateRow, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit | null> {
    return row.communeCode ? ((await ctx.loaders.unit.load(row.communeCode)) ?? null) : null;
  }
}
