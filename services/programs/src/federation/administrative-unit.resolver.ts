import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { DateScalar, figureUnit, PageArgs, type ConnectionShape } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { fundSummaryOf } from "../fund-summary/fund-summary-statistics.js";
import { FundSummary } from "../fund-summary/fund-summary.type.js";
import type { Household } from "../households/household.entity.js";
import { HouseholdConnection } from "../households/household-connection.type.js";
import { householdsOf } from "../households/household-pages.js";
import { HousePeriodArgs } from "../houses/house.input.js";
import { houseStatisticsOf } from "../houses/house-statistics.js";
import { HouseStatistics } from "../houses/house-statistics.type.js";
import { modelStatisticsOf } from "../models/model-statistics.js";
import { ModelStatistics } from "../models/model-statistics.type.js";
import { povertyStatisticsOf } from "../poverty/poverty-statistics.js";
import { PovertyStatistics } from "../poverty/poverty-statistics.type.js";

/**
 * Everything programs adds to the graph's AdministrativeUnit (owned by organisations; the kit's
 * key-only AdministrativeUnitRef here), each field answered by its feature's statistics or
 * query module. The fields are declared in the order the schema prints them.
 */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitFieldsResolver {
  @FieldResolver(() => HouseStatistics, {
    nullable: true,
    description: "Great Solidarity houses of this unit and the units below it, by state and kind (public).",
  })
  houseStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Args() period: HousePeriodArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<HouseStatistics> {
    return houseStatisticsOf(ctx, figureUnit(unit.code, unit.validFrom), period);
  }

  @FieldResolver(() => ModelStatistics, {
    nullable: true,
    description: '"Dân vận khéo" models of this unit and the units below it, by field and state (public).',
  })
  modelStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ModelStatistics> {
    return modelStatisticsOf(ctx, figureUnit(unit.code, unit.validFrom), year);
  }

  @FieldResolver(() => PovertyStatistics, {
    nullable: true,
    description: "Poverty figures for this unit and the units below, one year.",
  })
  povertyStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyStatistics> {
    return povertyStatisticsOf(ctx, figureUnit(unit.code, unit.validFrom), year);
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
    return fundSummaryOf(ctx, figureUnit(unit.code, unit.validFrom), from, to);
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
    return householdsOf(ctx, figureUnit(unit.code, unit.validFrom), args);
  }
}
