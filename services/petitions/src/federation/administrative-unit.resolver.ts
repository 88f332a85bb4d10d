import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DateScalar, figureUnit } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import type { PetitionsContext } from "../context.js";
import { petitionStatisticsOf } from "../statistics/petition-statistics.js";
import { PetitionStatistics } from "../statistics/petition-statistics.type.js";

/** What petitions adds to every AdministrativeUnit: public petition figures. */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitPetitionsResolver {
  @FieldResolver(() => PetitionStatistics, {
    nullable: true,
    description:
      "Petitions received in a period in this unit version's territory: the units below it and those it was formed from (Phường Mỹ Hòa of 2010–2025 is 30307 alone until it ended).",
  })
  petitionStatistics(
    @Root() unit: AdministrativeUnitRef,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionStatistics> {
    // One version: the reference names it by code and validFrom.
    return petitionStatisticsOf(ctx.loaders.petitionFigures, figureUnit(unit.code, unit.validFrom), from, to);
  }
}
