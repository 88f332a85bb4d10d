import { Field, Float, Int, ObjectType } from "type-graphql";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";

/** Households by poverty status in a unit and every unit below it, for one year's review. */
@ObjectType({ description: "Poverty figures for a unit and the units below it in one year." })
export class PovertyStatistics {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Households reviewed that year in the unit and the units below." })
  households: number;

  @Field(() => Int)
  poor: number;

  @Field(() => Int)
  nearPoor: number;

  @Field(() => Float, { description: "poor / households, rounded to 4 decimals (0.0263 is 2.63%)." })
  poorRate: number;

  @Field(() => Float, { description: "nearPoor / households, rounded to 4 decimals." })
  nearPoorRate: number;

  @Field(() => [PovertyStatistics], {
    description:
      "One row per unit directly below on the unit's viewed day (today, or its last day): they add up to it.",
  })
  byChildUnit: PovertyStatistics[];

  @Field(() => FigureCoverage, { description: COVERAGE })
  coverage: Coverage;
}

export interface PovertyCounts {
  households: number;
  poor: number;
  nearPoor: number;
}
