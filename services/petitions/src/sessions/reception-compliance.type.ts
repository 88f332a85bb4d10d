import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";

/** Whether a unit's chair held citizen reception as often as the law requires, in one month. */
@ObjectType({ description: "The chair's citizen reception against the legal frequency, for one unit and month." })
export class ReceptionCompliance {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field({ description: "YYYY-MM" })
  month: string;

  @Field(() => Int, {
    description:
      "Reception days required of the chair (commune: one a week; district: two a month; province: one a month).",
  })
  required: number;

  @Field(() => Int, { description: "Distinct days the chair received citizens in person." })
  held: number;

  @Field()
  compliant: boolean;

  @Field(() => [DateScalar], { description: "Commune level: the Monday of each week without a reception day." })
  missingWeeks: string[];

  @Field(() => [ReceptionCompliance], { description: "The units directly below, same month." })
  byChildUnit: ReceptionCompliance[];
}
