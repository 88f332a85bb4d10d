import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  ConnectionType,
  connectionFrom,
  figureUnit,
  kitMessage,
  NotFoundError,
  pageRequest,
  type ConnectionShape,
} from "@danvan/kit";
import { AdministrativeUnitRef, unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { checkIntegerCursor, unitArgument } from "../arguments.js";
import { programsMessage } from "../messages.js";
import { subtreeCondition } from "../units.js";
import { Fund } from "../fund/fund.entity.js";
import { Household } from "../households/household.entity.js";
import { assertCanReadHouses, HOUSE_READERS } from "./house-access.js";
import { HousePeriodArgs, SolidarityHousesArgs } from "./house.input.js";
import { houseStatisticsOf } from "./house-statistics.js";
import { HouseStatistics } from "./house-statistics.type.js";
import { SolidarityHouse } from "./solidarity-house.entity.js";

export const SolidarityHouseConnection = ConnectionType(SolidarityHouse);

@Resolver(() => SolidarityHouse)
export class SolidarityHouseResolver {
  @Authorized(...HOUSE_READERS)
  @Query(() => SolidarityHouse, { nullable: true })
  async solidarityHouse(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    if (!/^\d{1,12}$/.test(id))
      throw BadUserInputError.field("id", kitMessage("notAnId", { thing: programsMessage("thingHouse") }));
    const house = await ctx.loaders.house.load(Number(id));
    if (!house) throw new NotFoundError(programsMessage("thingHouse"), "id");
    assertCanReadHouses(ctx.identity, house.communeCode, house.proposedOn);
    return house;
  }

  @Authorized(...HOUSE_READERS)
  @Query(() => SolidarityHouseConnection, {
    nullable: true,
    description: "Great Solidarity houses of a unit and the units below it, by id; your own unit by default.",
  })
  async solidarityHouses(
    @Args() args: SolidarityHousesArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<SolidarityHouse>> {
    const unit = unitArgument(args.unitCode ?? ctx.identity.unitCode ?? "89", "unitCode");
    assertCanReadHouses(ctx.identity, unit.code);
    const page = pageRequest(args);
    checkIntegerCursor(page);
    const scope = subtreeCondition(unit, {
      unitColumn: "h.commune_code",
      districtColumn: "h.district_code",
      dateColumn: "h.proposed_on",
    });
    const base = () => {
      const q = ctx.ds.getRepository(SolidarityHouse).createQueryBuilder("h").where(scope.where, scope.params);
      if (args.status) q.andWhere("h.status = :status", { status: args.status });
      if (args.kind) q.andWhere("h.kind = :kind", { kind: args.kind });
      return q;
    };
    const q = base()
      .orderBy("h.id")
      .limit(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("h.id > :after", { after: page.afterKey });
    return connectionFrom(
      await q.getMany(),
      page,
      (h) => h.id,
      () => base().getCount(),
    );
  }

  @Query(() => HouseStatistics, {
    nullable: true,
    description: "Great Solidarity houses of a unit and the units below it, by state and kind (public).",
  })
  houseStatistics(
    @Arg("unitCode", () => ID) unitCode: string,
    @Args() period: HousePeriodArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<HouseStatistics> {
    unitArgument(unitCode, "unitCode");
    return houseStatisticsOf(ctx, figureUnit(unitCode), period);
  }

  @FieldResolver(() => Household, { description: "The household the house is for." })
  async household(@Root() h: SolidarityHouse, @Ctx() ctx: ProgramsContext): Promise<Household> {
    return (await ctx.loaders.household.load(h.householdId))!;
  }

  @FieldResolver(() => AdministrativeUnitRef, {
    description: "The household's commune, as it was when the house was proposed.",
  })
  unit(@Root() h: SolidarityHouse): AdministrativeUnitRef {
    return unitRef(h.communeCode, h.proposedOn);
  }

  @FieldResolver(() => Fund, { nullable: true, description: "The fund paying the fund's share, if any." })
  fund(@Root() h: SolidarityHouse, @Ctx() ctx: ProgramsContext): Promise<Fund | null> | null {
    return h.fundId ? ctx.loaders.fund.load(h.fundId) : null;
  }
}
