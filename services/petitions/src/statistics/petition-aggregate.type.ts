import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { SortDirection } from "@danvan/kit/aggregates";
import { AdministrativeUnitRef, type FigureCoverageShape } from "@danvan/kit/federation";
import { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";
import { PetitionFigureCoverage } from "./petition-statistics.type.js";

/** What petitionAggregate can group by: never the summary, the denouncer or the handling officer. */
export enum PetitionDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  KIND = "KIND",
  STATUS = "STATUS",
  ON_TIME = "ON_TIME",
}

const DIMENSION_MEANINGS: Record<PetitionDimension, string> = {
  DISTRICT:
    "The district of the commune the petition concerns, as it was on the day of receipt (none from 2025-07-01; none on today's map).",
  COMMUNE:
    "The commune the petition concerns: as it was on the day of receipt, or on today's map the 2025 commune it went into (`map`).",
  MONTH: "The month of receipt (`2019-03`).",
  QUARTER: "The quarter of receipt (`2019-Q1`).",
  YEAR: "The year of receipt (`2019`).",
  KIND: "Complaint, denunciation, recommendation or reflection.",
  STATUS: "Where the petition stands in its lifecycle today.",
  ON_TIME: "Resolved within its legal deadline (true or false); null while not resolved.",
};

registerEnumType(PetitionDimension, {
  name: "PetitionDimension",
  description: "A dimension petitionAggregate groups petitions by.",
  valuesConfig: Object.fromEntries(
    Object.entries(DIMENSION_MEANINGS).map(([k, description]) => [k, { description }]),
  ) as Record<PetitionDimension, { description: string }>,
});

/** A dimension or measure petitionAggregate's rows can be sorted by. */
export enum PetitionAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  KIND = "KIND",
  STATUS = "STATUS",
  ON_TIME = "ON_TIME",
  RECEIVED = "RECEIVED",
  RESOLVED = "RESOLVED",
  RESOLVED_ON_TIME = "RESOLVED_ON_TIME",
  OVERDUE = "OVERDUE",
  ACCEPTED_LATE = "ACCEPTED_LATE",
  FORWARDED = "FORWARDED",
  FORWARD_OVERDUE = "FORWARD_OVERDUE",
  MEDIAN_DAYS_TO_RESOLVE = "MEDIAN_DAYS_TO_RESOLVE",
}

/** The measures among the sortable fields. */
export const PETITION_MEASURES = [
  PetitionAggregateField.RECEIVED,
  PetitionAggregateField.RESOLVED,
  PetitionAggregateField.RESOLVED_ON_TIME,
  PetitionAggregateField.OVERDUE,
  PetitionAggregateField.ACCEPTED_LATE,
  PetitionAggregateField.FORWARDED,
  PetitionAggregateField.FORWARD_OVERDUE,
  PetitionAggregateField.MEDIAN_DAYS_TO_RESOLVE,
] as const;
export type PetitionMeasure = (typeof PETITION_MEASURES)[number];

registerEnumType(PetitionAggregateField, {
  name: "PetitionAggregateField",
  description: "A dimension of the grouping or a measure, to sort petitionAggregate's rows by.",
  valuesConfig: {
    ...(Object.fromEntries(
      Object.entries(DIMENSION_MEANINGS).map(([k, description]) => [k, { description }]),
    ) as Record<PetitionDimension, { description: string }>),
    RECEIVED: { description: "Petitions received." },
    RESOLVED: { description: "Petitions resolved (decided, concluded or answered)." },
    RESOLVED_ON_TIME: { description: "Petitions resolved on or before their deadline." },
    OVERDUE: { description: "Petitions still open past their deadline today, or resolved after it." },
    ACCEPTED_LATE: { description: "Petitions accepted after their acceptance deadline." },
    FORWARDED: { description: "Petitions forwarded to the competent state body." },
    FORWARD_OVERDUE: {
      description:
        "Forwarded petitions whose body's answer was not received by the follow-up date (today), or after it.",
    },
    MEDIAN_DAYS_TO_RESOLVE: { description: "The median days from receipt to resolution." },
  },
});

@InputType({ description: "Which petitions petitionAggregate counts (all when left out)." })
export class PetitionAggregateFilter {
  @Field(() => [PetitionKind], { nullable: true, description: "Only petitions of these kinds." })
  kinds?: PetitionKind[] | null;

  @Field(() => [PetitionStatus], { nullable: true, description: "Only petitions in these statuses today." })
  statuses?: PetitionStatus[] | null;
}

@InputType({ description: "One sort key of petitionAggregate's rows." })
export class PetitionAggregateOrder {
  @Field(() => PetitionAggregateField, { description: "A dimension of the grouping or a measure." })
  by: PetitionAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description:
    "One group of petitions: the dimensions of the grouping (the others are null) and its measures. Public callers see the measures of a group under 5 petitions as null.",
})
export class PetitionAggregateRow {
  @Field(() => AdministrativeUnitRef, {
    nullable: true,
    description:
      "The district (grouped by DISTRICT), the version of the petitions' days; null for petitions received from 2025-07-01 and on today's map.",
  })
  district: AdministrativeUnitRef | null;

  @Field(() => AdministrativeUnitRef, {
    nullable: true,
    description:
      "The commune (grouped by COMMUNE): the version of the petitions' days, or on today's map the 2025 commune.",
  })
  commune: AdministrativeUnitRef | null;

  @Field(() => String, { nullable: true, description: "The month of receipt, `2019-03` (grouped by MONTH)." })
  month: string | null;

  @Field(() => String, { nullable: true, description: "The quarter of receipt, `2019-Q1` (grouped by QUARTER)." })
  quarter: string | null;

  @Field(() => String, { nullable: true, description: "The year of receipt, `2019` (grouped by YEAR)." })
  year: string | null;

  @Field(() => PetitionKind, { nullable: true, description: "The kind (grouped by KIND)." })
  kind: PetitionKind | null;

  @Field(() => PetitionStatus, { nullable: true, description: "The status today (grouped by STATUS)." })
  status: PetitionStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Resolved within its legal deadline (grouped by ON_TIME); null while not resolved.",
  })
  onTime: boolean | null;

  @Field(() => Int, { nullable: true, description: "Petitions received; null when suppressed." })
  received: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Resolved (decided, concluded or answered); null when suppressed.",
  })
  resolved: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Resolved on or before their deadline; null when suppressed.",
  })
  resolvedOnTime: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Still open and past their deadline today, or resolved after it; null when suppressed.",
  })
  overdue: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Accepted after their acceptance deadline (by the law in force on receipt); null when suppressed.",
  })
  acceptedLate: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Forwarded to the competent state body; null when suppressed.",
  })
  forwarded: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Forwarded, and the body's answer not received by the follow-up date (today), or received after it; null when suppressed.",
  })
  forwardOverdue: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Median days from receipt to resolution; null with none resolved, or when suppressed.",
  })
  medianDaysToResolve: number | null;

  @Field(() => Boolean, {
    description:
      "True when the caller sees this group's measures as null: a public cell of 1 to 4 petitions received, which could single out a person.",
  })
  suppressed: boolean;
}

@ObjectType({ description: "Petitions grouped by the dimensions asked for, in the order asked for." })
export class PetitionAggregate {
  @Field(() => [PetitionAggregateRow], { description: "The groups, at most `first` of them." })
  rows: PetitionAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  @Field(() => PetitionFigureCoverage, {
    description:
      "What the figures rest on: incomplete where the unit's territory holds communes without records (old Kiên Giang's before 2025-07-01); approximate where a commune split in 2025 is counted whole, or on today's map put under one of its parts.",
  })
  coverage: FigureCoverageShape<AdministrativeUnitRef>;
}
