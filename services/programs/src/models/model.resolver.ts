import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  ConnectionType,
  connectionFrom,
  kitMessage,
  NotFoundError,
  PageArgs,
  pageRequest,
  type ConnectionShape,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { AdministrativeUnitRef, unitRef } from "../federation/administrative-unit.ref.js";
import { OrganisationRef, organisationRef } from "../federation/organisation.ref.js";
import { requireUnit, subtreeCondition } from "../houses/unit-filter.js";
import { MobilisationModel } from "./mobilisation-model.entity.js";
import { modelPageKey } from "./model.loader.js";
import { MobilisationModelsArgs } from "./model.input.js";
import { ModelStatistics } from "./model-statistics.type.js";
import { registrantNameFor } from "./registrant-name.js";

export const MobilisationModelConnection = ConnectionType(MobilisationModel);

function checkYear(year: number | null | undefined, field = "year"): void {
  if (year != null && (year < 2000 || year > 2100))
    throw BadUserInputError.field(field, kitMessage("yearBetween", { min: 2000, max: 2100 }));
}

function integerCursor(page: { afterKey: string | number | null }): void {
  if (page.afterKey !== null && !Number.isInteger(page.afterKey))
    throw BadUserInputError.field("after", kitMessage("cursor"));
}

/** A unit's model counts (public aggregates): every unit asked for in one request shares a statement. */
export async function modelStatisticsOf(
  ctx: ProgramsContext,
  unitCode: string,
  year: number | null | undefined,
): Promise<ModelStatistics> {
  checkYear(year);
  return (await ctx.loaders.modelStatistics.for(year ?? null).load(unitCode))!;
}

/** Models are public records (the public list of "Dân vận khéo" models); only a person's name is masked. */
@Resolver(() => MobilisationModel)
export class MobilisationModelResolver {
  @Query(() => MobilisationModel, { nullable: true })
  async mobilisationModel(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    if (!/^\d{1,12}$/.test(id))
      throw BadUserInputError.field("id", kitMessage("notAnId", { thing: programsMessage("thingModel") }));
    const model = await ctx.loaders.model.load(Number(id));
    if (!model) throw new NotFoundError(programsMessage("thingModel"), "id");
    return model;
  }

  @Query(() => MobilisationModelConnection, {
    nullable: true,
    description:
      '"Dân vận khéo" models of a unit and the units below it, by id (public; individuals\' names masked outside their unit).',
  })
  async mobilisationModels(
    @Args() args: MobilisationModelsArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<MobilisationModel>> {
    const unit = requireUnit(args.unitCode ?? "89", "unitCode");
    checkYear(args.year);
    const page = pageRequest(args);
    integerCursor(page);
    const scope = subtreeCondition(unit, { unitColumn: "m.unit_code", districtColumn: "m.district_code" });
    const base = () => {
      const q = ctx.ds.getRepository(MobilisationModel).createQueryBuilder("m").where(scope.where, scope.params);
      if (args.field) q.andWhere("m.field = :field", { field: args.field });
      if (args.track) q.andWhere("m.track = :track", { track: args.track });
      if (args.status) q.andWhere("m.status = :status", { status: args.status });
      if (args.year != null) q.andWhere("m.year = :year", { year: args.year });
      return q;
    };
    const q = base()
      .orderBy("m.id")
      .limit(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("m.id > :after", { after: page.afterKey });
    return connectionFrom(
      await q.getMany(),
      page,
      (m) => m.id,
      () => base().getCount(),
    );
  }

  @Query(() => ModelStatistics, {
    nullable: true,
    description: '"Dân vận khéo" models of a unit and the units below it, by field and state (public).',
  })
  modelStatistics(
    @Arg("unitCode", () => ID) unitCode: string,
    @Arg("year", () => Int, { nullable: true, description: "The registration year; every year when left out." })
    year: number | null,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ModelStatistics> {
    requireUnit(unitCode, "unitCode");
    return modelStatisticsOf(ctx, unitCode, year);
  }

  @FieldResolver(() => String, {
    description: "The collective's name, or the person's: initials outside the model's unit.",
  })
  registrantName(@Root() m: MobilisationModel, @Ctx() ctx: ProgramsContext): string {
    return registrantNameFor(ctx.identity, m);
  }

  @FieldResolver(() => OrganisationRef, { description: "The committee the model is registered with." })
  organisation(@Root() m: MobilisationModel): OrganisationRef {
    return organisationRef(m.organisationId);
  }

  @FieldResolver(() => AdministrativeUnitRef, { description: "The unit the model runs in." })
  unit(@Root() m: MobilisationModel): AdministrativeUnitRef {
    return unitRef(m.unitCode);
  }
}

/** What models add to every Organisation of the graph: the models its committee registered. */
@Resolver(() => OrganisationRef)
export class OrganisationModelsResolver {
  @FieldResolver(() => MobilisationModelConnection, {
    nullable: true,
    description: '"Dân vận khéo" models registered with this committee, by id (public).',
  })
  async mobilisationModels(
    @Root() o: OrganisationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<MobilisationModel>> {
    const page = pageRequest(args);
    integerCursor(page);
    const rows = await ctx.loaders.modelsOfOrganisation.for(modelPageKey(page)).load(o.id);
    return connectionFrom(
      rows,
      page,
      (m) => m.id,
      async () => (await ctx.loaders.modelTotalOfOrganisation.load(o.id))?.n ?? 0,
    );
  }
}

/** What models add to every AdministrativeUnit of the graph. */
@Resolver(() => AdministrativeUnitRef)
export class UnitModelStatisticsResolver {
  @FieldResolver(() => ModelStatistics, {
    nullable: true,
    description: '"Dân vận khéo" models of this unit and the units below it, by field and state (public).',
  })
  modelStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ModelStatistics> {
    return modelStatisticsOf(ctx, unit.code, year);
  }
}
