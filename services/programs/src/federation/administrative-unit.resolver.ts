import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { DateScalar, PageArgs, type ConnectionShape } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { FundSummary } from "../fund/fund-summary.type.js";
import { fundSummaryOf } from "../fund/fund.resolver.js";
import { Household } from "../households/household.entity.js";
import { HouseholdConnection, householdsOf } from "../households/household.resolver.js";
import { PovertyStatistics } from "../poverty/poverty-statistics.type.js";
import { povertyStatisticsOf } from "../poverty/poverty.resolver.js";
import { AdministrativeUnitRef } from "./administrative-unit.ref.js";

/** What programs adds to every AdministrativeUnit of the graph. */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitFieldsResolver {
  @FieldResolver(() => PovertyStatistics, {
    nullable: true,
    description: "Poverty figures for this unit and the units below, one year.",
  })
  povertyStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyStatistics> {
    return povertyStatisticsOf(ctx, unit.code, year);
  }

  @FieldResolver(() => FundSummary, {
    nullable: true,
    description: "The Fund for the Poor's work in this unit and the units below, over a period.",
  })
  fundSummary(
    @Root() unit: AdministrativeUnitRef,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: ProgramsContext,
  ): Promise<FundSummary> {
    return fundSummaryOf(ctx, unit.code, from, to);
  }

  @FieldResolver(() => HouseholdConnection, {
    nullable: true,
    description: "Households of this unit and the units below (personal: officers in scope).",
  })
  households(
    @Root() unit: AdministrativeUnitRef,
    @Args() args: PageArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<Household>> {
    return householdsOf(ctx, unit.code, args);
  }
}
