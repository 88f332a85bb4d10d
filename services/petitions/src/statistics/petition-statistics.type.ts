import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnitRef, FigureCoverageType, type FigureCoverageShape } from "@danvan/kit/federation";
import { PetitionKind } from "../petitions/petition-graphql-enums.js";

/** The shareable FigureCoverage over the kit's unit reference (the kit's figure-coverage.ts). */
export const PetitionFigureCoverage = FigureCoverageType(AdministrativeUnitRef);

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

/**
 * Petitions received in a period in a unit and the units below it, through time (a unit formed
 * in 2025 counts its predecessors' petitions): public aggregates, no person.
 */
@ObjectType({
  description:
    "Petitions received in a period in a unit's territory through time: the units below it and the units it was formed from (a 2025 commune counts its predecessors' petitions).",
})
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

  @Field(() => PetitionFigureCoverage, {
    description:
      "What the figures rest on: incomplete where the unit's territory through time holds communes without records (old Kiên Giang's before 2025-07-01), approximate where a commune split in 2025 is counted whole.",
  })
  coverage: FigureCoverageShape<AdministrativeUnitRef>;
}
