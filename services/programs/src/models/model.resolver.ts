import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  connectionFrom,
  figureUnit,
  kitMessage,
  NotFoundError,
  pageRequest,
  type ConnectionShape,
} from "@danvan/kit";
import { AdministrativeUnitRef, OrganisationRef, organisationRef, unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { checkIntegerCursor, unitArgument } from "../arguments.js";
import { programsMessage } from "../messages.js";
import { subtreeCondition } from "../units.js";
import { MobilisationModel } from "./mobilisation-model.entity.js";
import { MobilisationModelConnection } from "./model-connection.type.js";
import { MobilisationModelsArgs } from "./model.input.js";
import { checkModelYear, modelStatisticsOf } from "./model-statistics.js";
import { ModelStatistics } from "./model-statistics.type.js";
import { registrantNameFor } from "./registrant-name.js";

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
    const unit = unitArgument(args.unitCode ?? "89", "unitCode");
    checkModelYear(args.year);
    const page = pageRequest(args);
    checkIntegerCursor(page);
    const scope = subtreeCondition(unit, {
      unitColumn: "m.unit_code",
      districtColumn: "m.district_code",
      dateColumn: "m.registered_on",
    });
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
    unitArgument(unitCode, "unitCode");
    return modelStatisticsOf(ctx, figureUnit(unitCode), year);
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

  @FieldResolver(() => AdministrativeUnitRef, { description: "The unit the model runs in, as it was when registered." })
  unit(@Root() m: MobilisationModel): AdministrativeUnitRef {
    return unitRef(m.unitCode, m.registeredOn);
  }
}
