import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import {
  DateScalar,
  ForbiddenError,
  canSeeUnit,
  connectionFrom,
  kitMessage,
  pageRequest,
  PageArgs,
  unitByCode,
  type ConnectionShape,
} from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { Petition } from "../petitions/petition.entity.js";
import { PetitionConnection, petitionStatisticsOf } from "../petitions/petition.resolver.js";
import { PETITION_READERS } from "../petitions/petition-access.js";
import { PetitionStatistics } from "../statistics/petition-statistics.type.js";
import { AdministrativeUnitRef } from "./administrative-unit.ref.js";
import { OrganisationRef } from "./organisation.ref.js";

/** What petitions adds to every AdministrativeUnit: public petition figures. */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitPetitionsResolver {
  @FieldResolver(() => PetitionStatistics, {
    nullable: true,
    description: "Petitions received in a period in this unit and the units below it.",
  })
  petitionStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionStatistics> {
    return petitionStatisticsOf(ctx, unit.code, from, to);
  }
}

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
    const unitCode = o.id.split("-")[1] ?? "";
    if (!unitByCode(unitCode) || !canSeeUnit(ctx.identity, unitCode))
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
