import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, DateScalar, kitMessage, NotFoundError, UNIT_CODE_PATTERN } from "@danvan/kit";
import { figureCoverage, UnitMap, type FigureCoverageShape } from "@danvan/kit/federation";
import type { FigureUnit } from "@danvan/kit/units";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { checkMemberGrouping, memberAggregate } from "./member-aggregate.js";
import {
  MemberAggregate,
  MemberAggregateFilter,
  MemberAggregateOrder,
  MemberAggregateRow,
  MemberDimension,
  MemberFigureCoverage,
} from "./member-aggregate.type.js";

/** One version of a unit, through the request's loader of a code's versions (a place field shares it). */
async function unitVersionOf(ctx: OrganisationsContext, code: string, validFrom: string | null) {
  const versions = await ctx.loaders.versionsOfCode.load(code);
  return (validFrom ? versions.find((v) => v.validFrom === validFrom) : versions[versions.length - 1]) ?? null;
}

/** The analysts' grouped member figures: public statistics, small cells suppressed for the public. */
@Resolver(() => MemberAggregateRow)
export class MemberAggregateResolver {
  @Query(() => MemberAggregate, {
    nullable: true,
    description:
      "Members on a date of a unit's committees and every committee they reach (those below them, and those that went into them), grouped by up to four dimensions; any grouping adds up to the memberCount(asOf) of the unit's committees, on either map. A unit of 2025 counts, before 2025-07-01, its predecessors' committees. The public sees a group under 5 members as suppressed; analysts, administrators and officers in their own units see every group.",
  })
  async memberAggregate(
    @Arg("unitCode", () => ID, {
      description: "The unit (province, district or commune) whose committees are counted: the one the code names now.",
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
    @Arg("map", () => UnitMap, {
      nullable: true,
      defaultValue: UnitMap.AS_RECORDED,
      description:
        "The map DISTRICT and COMMUNE use: each committee's unit as it knew it (AS_RECORDED), or today's 2025 commune, without districts (TODAY). Totals are the same on both.",
    })
    map: UnitMap | null,
  ): Promise<MemberAggregate> {
    // The unit the code names now, read as the place fields read units (one statement for both).
    if (!UNIT_CODE_PATTERN.test(unitCode)) throw BadUserInputError.field("unitCode", kitMessage("unitCode"));
    const unit = await unitVersionOf(ctx, unitCode, null);
    if (!unit) throw new NotFoundError(kitMessage("thingUnit"), "unitCode");
    checkMemberGrouping({ groupBy, orderBy, first, filter });
    const counted: FigureUnit = { code: unit.code, validFrom: unit.validFrom };
    const result = await memberAggregate(ctx.ds, ctx.identity, {
      unit: counted,
      asOf: dateOrToday(asOf),
      map,
      groupBy,
      filter,
      orderBy,
      first,
    });
    return Object.assign(result, { unit: counted });
  }

  @FieldResolver()
  async district(
    @Root() row: MemberAggregateRow,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit | null> {
    return row.districtCode ? unitVersionOf(ctx, row.districtCode, row.districtValidFrom) : null;
  }

  @FieldResolver()
  async commune(@Root() row: MemberAggregateRow, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit | null> {
    return row.communeCode ? unitVersionOf(ctx, row.communeCode, row.communeValidFrom) : null;
  }
}

/** The coverage of a memberAggregate's unit, its units read through the request's loader. */
@Resolver(() => MemberAggregate)
export class MemberAggregateCoverageResolver {
  @FieldResolver(() => MemberFigureCoverage)
  async coverage(
    @Root() aggregate: MemberAggregate,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<FigureCoverageShape<AdministrativeUnit>> {
    const c = figureCoverage(aggregate.unit!, (u) => u);
    const load = async (list: FigureUnit[]) =>
      (await Promise.all(list.map((u) => unitVersionOf(ctx, u.code, u.validFrom)))).filter(
        (u): u is AdministrativeUnit => u !== null,
      );
    const [uncoveredUnits, countedWholeUnits] = await Promise.all([load(c.uncoveredUnits), load(c.countedWholeUnits)]);
    return { complete: c.complete, approximate: c.approximate, uncoveredUnits, countedWholeUnits };
  }
}
