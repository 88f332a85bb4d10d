import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import type { PetitionsContext } from "../context.js";
import { petitionStatisticsOf } from "../statistics/petition-statistics.js";
import { PetitionStatistics } from "../statistics/petition-statistics.type.js";

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
    return petitionStatisticsOf(ctx.loaders.petitionFigures, unit.code, from, to);
  }
}
