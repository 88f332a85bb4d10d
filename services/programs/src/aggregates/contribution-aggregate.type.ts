import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";
import { SortDirection } from "@danvan/kit/aggregates";
import { AdministrativeUnitRef, UnitMap } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { ContributionForm, DonorKind } from "../fund/fund-graphql-enums.js";
import { FIRST, GROUP_BY, MAP, ORDER_BY, UNIT } from "./argument-descriptions.js";
import { describeValues } from "./enum-descriptions.js";
import { UnitLevel } from "./unit-level.js";

/** What contributionAggregate groups contributions by: never a donor's name or a receipt. */
export enum ContributionDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  FORM = "FORM",
  DONOR_KIND = "DONOR_KIND",
  FUND_LEVEL = "FUND_LEVEL",
}

const DIMENSIONS: Record<ContributionDimension, string> = {
  DISTRICT: "The district of the receiving fund's unit; null for the province's fund.",
  COMMUNE: "The commune of the receiving fund; null for a district's or the province's fund.",
  MONTH: "The month the contribution was received (`2019-03`).",
  QUARTER: "The quarter the contribution was received (`2019-Q1`).",
  YEAR: "The year the contribution was received (`2019`).",
  FORM: "Cash or in kind (its value converted to money).",
  DONOR_KIND: "A person, an organisation, or an anonymous donor.",
  FUND_LEVEL: "The level of the fund that received it.",
};

registerEnumType(ContributionDimension, {
  name: "ContributionDimension",
  description: "A dimension contributionAggregate groups contributions by.",
  valuesConfig: describeValues(DIMENSIONS),
});

/** A dimension or measure contributionAggregate's rows can be sorted by. */
export enum ContributionAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  FORM = "FORM",
  DONOR_KIND = "DONOR_KIND",
  FUND_LEVEL = "FUND_LEVEL",
  CONTRIBUTIONS = "CONTRIBUTIONS",
  AMOUNT_VND = "AMOUNT_VND",
}

registerEnumType(ContributionAggregateField, {
  name: "ContributionAggregateField",
  description: "A dimension of the grouping or a measure, to sort contributionAggregate's rows by.",
  valuesConfig: describeValues({
    ...DIMENSIONS,
    CONTRIBUTIONS: "Contributions received.",
    AMOUNT_VND: "Their value, VND (in kind converted to money).",
  }),
});

@InputType({ description: "Which contributions contributionAggregate counts (all in the period when left out)." })
export class ContributionAggregateFilter {
  @Field(() => [ContributionForm], { nullable: true, description: "Only contributions in these forms." })
  forms?: ContributionForm[] | null;

  @Field(() => [DonorKind], { nullable: true, description: "Only contributions from these kinds of donor." })
  donorKinds?: DonorKind[] | null;

  @Field(() => [UnitLevel], { nullable: true, description: "Only contributions to the funds of these levels." })
  fundLevels?: UnitLevel[] | null;
}

@InputType({ description: "One sort key of contributionAggregate's rows." })
export class ContributionAggregateOrder {
  @Field(() => ContributionAggregateField, { description: "A dimension of the grouping or a measure." })
  by: ContributionAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description: "One group of contributions: the dimensions of the grouping (the others are null) and its measures.",
})
export class ContributionAggregateRow {
  @Field(() => AdministrativeUnitRef, {
    nullable: true,
    description: "The district (grouped by DISTRICT); null for the province's fund.",
  })
  district: AdministrativeUnitRef | null;

  @Field(() => AdministrativeUnitRef, {
    nullable: true,
    description: "The commune (grouped by COMMUNE); null for a district's or the province's fund.",
  })
  commune: AdministrativeUnitRef | null;

  @Field(() => String, { nullable: true, description: "The month of receipt, `2019-03` (grouped by MONTH)." })
  month: string | null;

  @Field(() => String, { nullable: true, description: "The quarter of receipt, `2019-Q1` (grouped by QUARTER)." })
  quarter: string | null;

  @Field(() => String, { nullable: true, description: "The year of receipt, `2019` (grouped by YEAR)." })
  year: string | null;

  @Field(() => ContributionForm, { nullable: true, description: "Cash or in kind (grouped by FORM)." })
  form: ContributionForm | null;

  @Field(() => DonorKind, { nullable: true, description: "The kind of donor (grouped by DONOR_KIND)." })
  donorKind: DonorKind | null;

  @Field(() => UnitLevel, { nullable: true, description: "The receiving fund's level (grouped by FUND_LEVEL)." })
  fundLevel: UnitLevel | null;

  @Field(() => Int, { description: "Contributions received." })
  contributions: number;

  @Field(() => MoneyScalar, { description: "Their value, VND (in kind converted to money)." })
  amountVnd: bigint;
}

@ObjectType({ description: "Contributions to the Funds for the Poor grouped by the dimensions asked for." })
export class ContributionAggregate {
  @Field(() => [ContributionAggregateRow], { description: "The groups, at most `first` of them." })
  rows: ContributionAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  @Field(() => FigureCoverage, {
    description: `${COVERAGE} On the TODAY map grouped by COMMUNE, also approximate when a split commune's facts are under one part.`,
  })
  coverage: Coverage;
}

@ArgsType()
export class ContributionAggregateArgs {
  @Field(() => ID, { description: UNIT })
  unitCode: string;

  @Field(() => DateScalar, { description: "The first day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "The last day of the period." })
  to: string;

  @Field(() => [ContributionDimension], { description: GROUP_BY })
  groupBy: ContributionDimension[];

  @Field(() => ContributionAggregateFilter, { nullable: true, description: "Which contributions to count." })
  filter?: ContributionAggregateFilter | null;

  @Field(() => [ContributionAggregateOrder], { nullable: true, description: ORDER_BY })
  orderBy?: ContributionAggregateOrder[] | null;

  @Field(() => Int, { nullable: true, description: FIRST })
  first?: number | null;

  @Field(() => UnitMap, { nullable: true, defaultValue: UnitMap.AS_RECORDED, description: MAP })
  map?: UnitMap | null;
}
