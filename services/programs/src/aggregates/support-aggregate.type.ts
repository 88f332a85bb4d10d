import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";
import { SortDirection } from "@danvan/kit/aggregates";
import { AdministrativeUnitRef, UnitMap } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { PovertyStatus } from "../poverty/poverty-graphql-enums.js";
import { SupportFunding } from "../support/support-funding.js";
import { SupportKind } from "../support/support-graphql-enums.js";
import { FIRST, GROUP_BY, MAP, ORDER_BY, UNIT } from "./argument-descriptions.js";
import { describeValues } from "./enum-descriptions.js";

registerEnumType(SupportFunding, {
  name: "SupportFunding",
  description: "Which level's Fund for the Poor paid for a support event, or not the fund.",
  valuesConfig: describeValues({
    COMMUNE_FUND: "A commune's fund paid.",
    DISTRICT_FUND: "A district's fund paid.",
    PROVINCE_FUND: "The province's fund paid.",
    NOT_THE_FUND: "No Fund for the Poor paid (sponsors, State programmes, support without money).",
  }),
});

/** What supportAggregate groups support events by: never the household itself. */
export enum SupportDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  KIND = "KIND",
  FUNDING_SOURCE = "FUNDING_SOURCE",
  RECIPIENT_STATUS = "RECIPIENT_STATUS",
}

const DIMENSIONS: Record<SupportDimension, string> = {
  DISTRICT: "The district of the supported household's commune.",
  COMMUNE: "The commune of the supported household.",
  MONTH: "The month the support was given (`2019-03`).",
  QUARTER: "The quarter the support was given (`2019-Q1`).",
  YEAR: "The year the support was given (`2019`).",
  KIND: "The kind of support.",
  FUNDING_SOURCE: "Which level's Fund for the Poor paid, or not the fund.",
  RECIPIENT_STATUS:
    "The household's status at its review of the year the support was given, as that review stands; null while that year's review is not recorded.",
};

registerEnumType(SupportDimension, {
  name: "SupportDimension",
  description: "A dimension supportAggregate groups support events by.",
  valuesConfig: describeValues(DIMENSIONS),
});

/** A dimension or measure supportAggregate's rows can be sorted by. */
export enum SupportAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  KIND = "KIND",
  FUNDING_SOURCE = "FUNDING_SOURCE",
  RECIPIENT_STATUS = "RECIPIENT_STATUS",
  EVENTS = "EVENTS",
  AMOUNT_VND = "AMOUNT_VND",
}

registerEnumType(SupportAggregateField, {
  name: "SupportAggregateField",
  description: "A dimension of the grouping or a measure, to sort supportAggregate's rows by.",
  valuesConfig: describeValues({
    ...DIMENSIONS,
    EVENTS: "Support events (household-visits).",
    AMOUNT_VND: "The value of that support, VND, whoever paid it.",
  }),
});

@InputType({ description: "Which support events supportAggregate counts (all in the period when left out)." })
export class SupportAggregateFilter {
  @Field(() => [SupportKind], { nullable: true, description: "Only support of these kinds." })
  kinds?: SupportKind[] | null;

  @Field(() => [SupportFunding], { nullable: true, description: "Only support paid so." })
  fundingSources?: SupportFunding[] | null;

  @Field(() => [PovertyStatus], {
    nullable: true,
    description: "Only support to households with these statuses at their review of that year.",
  })
  recipientStatuses?: PovertyStatus[] | null;
}

@InputType({ description: "One sort key of supportAggregate's rows." })
export class SupportAggregateOrder {
  @Field(() => SupportAggregateField, { description: "A dimension of the grouping or a measure." })
  by: SupportAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description: "One group of support events: the dimensions of the grouping (the others are null) and its measures.",
})
export class SupportAggregateRow {
  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The district (grouped by DISTRICT)." })
  district: AdministrativeUnitRef | null;

  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The commune (grouped by COMMUNE)." })
  commune: AdministrativeUnitRef | null;

  @Field(() => String, { nullable: true, description: "The month, `2019-03` (grouped by MONTH)." })
  month: string | null;

  @Field(() => String, { nullable: true, description: "The quarter, `2019-Q1` (grouped by QUARTER)." })
  quarter: string | null;

  @Field(() => String, { nullable: true, description: "The year, `2019` (grouped by YEAR)." })
  year: string | null;

  @Field(() => SupportKind, { nullable: true, description: "The kind of support (grouped by KIND)." })
  kind: SupportKind | null;

  @Field(() => SupportFunding, {
    nullable: true,
    description: "Which level's fund paid, or not the fund (grouped by FUNDING_SOURCE).",
  })
  fundingSource: SupportFunding | null;

  @Field(() => PovertyStatus, {
    nullable: true,
    description:
      "The household's status that year (grouped by RECIPIENT_STATUS); null also when that year's review is not recorded yet.",
  })
  recipientStatus: PovertyStatus | null;

  @Field(() => Int, { description: "Support events (household-visits)." })
  events: number;

  @Field(() => MoneyScalar, { description: "The value of that support, VND, whoever paid it." })
  amountVnd: bigint;
}

@ObjectType({ description: "Support events grouped by the dimensions asked for." })
export class SupportAggregate {
  @Field(() => [SupportAggregateRow], { description: "The groups, at most `first` of them." })
  rows: SupportAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  @Field(() => FigureCoverage, {
    description: `${COVERAGE} On the TODAY map grouped by COMMUNE, also approximate when a split commune's facts are under one part.`,
  })
  coverage: Coverage;
}

@ArgsType()
export class SupportAggregateArgs {
  @Field(() => ID, { description: UNIT })
  unitCode: string;

  @Field(() => DateScalar, { description: "The first day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "The last day of the period." })
  to: string;

  @Field(() => [SupportDimension], { description: GROUP_BY })
  groupBy: SupportDimension[];

  @Field(() => SupportAggregateFilter, { nullable: true, description: "Which support events to count." })
  filter?: SupportAggregateFilter | null;

  @Field(() => [SupportAggregateOrder], { nullable: true, description: ORDER_BY })
  orderBy?: SupportAggregateOrder[] | null;

  @Field(() => Int, { nullable: true, description: FIRST })
  first?: number | null;

  @Field(() => UnitMap, { nullable: true, defaultValue: UnitMap.AS_RECORDED, description: MAP })
  map?: UnitMap | null;
}
