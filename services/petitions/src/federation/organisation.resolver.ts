import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import {
  canSeeUnit,
  connectionFrom,
  ForbiddenError,
  kitMessage,
  PageArgs,
  pageRequest,
  unitByCode,
  type ConnectionShape,
} from "@danvan/kit";
import { OrganisationRef } from "@danvan/kit/federation";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { PetitionConnection } from "../petitions/petition-connection.type.js";
import type { Petition } from "../petitions/petition.entity.js";
import { PETITION_READERS } from "../petitions/petition-access.js";
import { bodyUnitOf } from "../units/reorganisation.js";

/** What petitions adds to every Organisation: the petitions it handles (officers in scope). */
@Resolver(() => OrganisationRef)
export class OrganisationPetitionsResolver {
  @Authorized(...PETITION_READERS)
  @FieldResolver(() => PetitionConnection, {
    nullable: true,
    description: "Petitions this body handles, by id.",
  })
  async petitions(
    @Root() o: OrganisationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: PetitionsContext,
  ): Promise<ConnectionShape<Petition>> {
    // A body's scope is the unit its id names (either map's id: "MTTQ-883", "MTTQ-30307-25");
    // an id that names none is no body in anyone's scope.
    const unitCode = bodyUnitOf(o.id)?.unitCode;
    if (!unitCode || !unitByCode(unitCode) || !canSeeUnit(ctx.identity, unitCode))
      throw new ForbiddenError(kitMessage("outOfScope", { thing: petitionsMessage("thingBody") }));
    const page = pageRequest(args);
    const rows = await ctx.loaders.petitionsHandledBy
      .for({ limit: page.limit, afterKey: page.afterKey === null ? null : Number(page.afterKey) })
      .load(o.id);
    return connectionFrom(
      rows,
      page,
      (p) => p.id,
      async () => (await ctx.loaders.petitionsHandledTotal.load(o.id))?.n ?? 0,
    );
  }
}
