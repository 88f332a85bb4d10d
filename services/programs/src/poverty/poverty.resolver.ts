import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  checkUnitArgument,
  figureUnit,
  inTransaction,
  kitMessage,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { Household } from "../households/household.entity.js";
import { requireHousehold } from "../households/household-lookup.js";
import { PovertyClassification } from "./poverty-classification.entity.js";
import { PovertyStandard, PovertyThreshold } from "./poverty-standard.entity.js";
import { PovertyStatistics } from "./poverty-statistics.type.js";
import { povertyStatisticsOf } from "./poverty-statistics.js";
import { ClassifyHouseholdInput } from "./poverty.input.js";
import { recordClassification } from "./record-classification.js";

@Resolver(() => PovertyClassification)
export class PovertyResolver {
  @Query(() => PovertyStatistics, {
    nullable: true,
    description: "Households by poverty status in a unit and the units below it, for one year.",
  })
  povertyStatistics(
    @Arg("unitCode", () => ID) unitCode: string,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyStatistics> {
    checkUnitArgument(unitCode);
    return povertyStatisticsOf(ctx, figureUnit(unitCode), year);
  }

  @Query(() => [PovertyStandard], { description: "The national poverty standards and the years they apply to." })
  povertyStandards(@Ctx() ctx: ProgramsContext): Promise<PovertyStandard[]> {
    return ctx.ds.getRepository(PovertyStandard).find({ order: { fromYear: "ASC" } });
  }

  @FieldResolver(() => PovertyStandard)
  async standard(@Root() c: PovertyClassification, @Ctx() ctx: ProgramsContext): Promise<PovertyStandard> {
    return (await ctx.loaders.standard.load(c.standardCode))!;
  }

  @FieldResolver(() => Household)
  async household(@Root() c: PovertyClassification, @Ctx() ctx: ProgramsContext): Promise<Household> {
    return (await ctx.loaders.household.load(c.householdId))!;
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => PovertyClassification, {
    nullable: true,
    description: "Record or revise a household's review for a year; the standard in force classifies it.",
  })
  async classifyHousehold(
    @Arg("input") input: ClassifyHouseholdInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyClassification> {
    const income = BigInt(input.monthlyIncomePerPersonVnd);
    if (income < 0n) throw BadUserInputError.field("input.monthlyIncomePerPersonVnd", kitMessage("notNegative"));
    const household = await requireHousehold(ctx, input.householdId, "input.householdId");
    assertCanWriteUnit(ctx.identity, household.communeCode, household.registeredOn);
    return inTransaction(ctx.ds, async (m) => {
      const result = await recordClassification(m, household, { ...input, monthlyIncomePerPersonVnd: income });
      await audit(m, ctx, {
        action: "classifyHousehold",
        entityType: "PovertyClassification",
        entityId: `${household.id}:${input.year}`,
        after: { status: result.status, standard: result.standardCode, version: result.version },
      });
      return result;
    });
  }
}

@Resolver(() => PovertyStandard)
export class PovertyStandardResolver {
  @FieldResolver(() => [PovertyThreshold])
  thresholds(@Root() s: PovertyStandard, @Ctx() ctx: ProgramsContext): Promise<PovertyThreshold[]> {
    return ctx.loaders.thresholdsOf.load(s.code);
  }
}
