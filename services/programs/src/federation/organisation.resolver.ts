import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs, type ConnectionShape } from "@danvan/kit";
import { OrganisationRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { Fund } from "../fund/fund.entity.js";
import type { MobilisationModel } from "../models/mobilisation-model.entity.js";
import { MobilisationModelConnection } from "../models/model-connection.type.js";
import { modelsOfOrganisation } from "../models/organisation-models.js";

/**
 * Everything programs adds to the graph's Organisation (owned by organisations; the kit's
 * key-only OrganisationRef here): the models its committee registered, and the Front
 * committees' Fund for the Poor. The fields are declared in the order the schema prints them.
 */
@Resolver(() => OrganisationRef)
export class OrganisationFieldsResolver {
  @FieldResolver(() => MobilisationModelConnection, {
    nullable: true,
    description: '"Dân vận khéo" models registered with this committee, by id (public).',
  })
  mobilisationModels(
    @Root() o: OrganisationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<MobilisationModel>> {
    return modelsOfOrganisation(ctx, o.id, args);
  }

  @FieldResolver(() => Fund, {
    nullable: true,
    description: "The Fund for the Poor this committee keeps (Front committees only).",
  })
  fund(@Root() o: OrganisationRef, @Ctx() ctx: ProgramsContext): Promise<Fund | null> {
    return ctx.loaders.fundOfOrganisation.load(o.id);
  }
}
