import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { PetitionKind } from "../petitions/petition-graphql-enums.js";

@ObjectType({ description: "Petition figures for one kind." })
export class PetitionKindFigures {
  @Field(() => PetitionKind)
  kind: PetitionKind;

  @Field(() => Int)
  received: number;

  @Field(() => Int)
  resolved: number;

  @Field(() => Int)
  resolvedOnTime: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int, { description: "Accepted after their acceptance deadline." })
  acceptedLate: number;

  @Field(() => Int, { description: "Forwarded to the competent state body." })
  forwarded: number;

  @Field(() => Int, { description: "Forwarded, and the body's answer received." })
  forwardAnswered: number;

  @Field(() => Int, {
    description:
      "Forwarded, and the body's answer not received by the follow-up date (today), or received after it (30 days after forwarding, rolled over to a working day).",
  })
  forwardOverdue: number;
}

/** Petitions received in a period in a unit and the units below it: public aggregates, no person. */
@ObjectType({ description: "Petitions received in a period in a unit and the units below it." })
export class PetitionStatistics {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => Int)
  received: number;

  @Field(() => Int, { description: "Resolved (decided, concluded or answered)." })
  resolved: number;

  @Field(() => Int, { description: "Resolved on or before their deadline." })
  resolvedOnTime: number;

  @Field(() => Float, { description: "resolvedOnTime / resolved, rounded to 4 decimals." })
  onTimeRate: number;

  @Field(() => Int, { description: "Still open and past their deadline today, or closed after it." })
  overdue: number;

  @Field(() => Int, {
    description:
      "Accepted after their acceptance deadline (by the law in force on receipt: 10 days for complaints, 7 or 10 working days for denunciations since 2019, 10 working days for recommendations and reflections).",
  })
  acceptedLate: number;

  @Field(() => Int, { description: "Forwarded to the competent state body." })
  forwarded: number;

  @Field(() => Int, { description: "Forwarded, and the body's answer received." })
  forwardAnswered: number;

  @Field(() => Int, {
    description:
      "Forwarded, and the body's answer not received by the follow-up date (today), or received after it (30 days after forwarding, rolled over to a working day).",
  })
  forwardOverdue: number;

  @Field(() => Int)
  resolvedAtGrassroots: number;

  @Field(() => Int)
  hotspots: number;

  @Field(() => Float, { nullable: true, description: "Median days from receipt to resolution." })
  medianDaysToResolve: number | null;

  @Field(() => [PetitionKindFigures])
  byKind: PetitionKindFigures[];
}
