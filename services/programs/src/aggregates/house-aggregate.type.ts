import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";
import { SortDirection } from "@danvan/kit/aggregates";
import { AdministrativeUnitRef, UnitMap } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { HouseStatus, HouseWorkKind } from "../houses/house-graphql-enums.js";
import { FIRST, GROUP_BY, MAP, ORDER_BY, UNIT } from "./argument-descriptions.js";
import { describeValues } from "./enum-descriptions.js";

/** What houseAggregate groups Great Solidarity houses by: never the household or a sponsor. */
export enum HouseDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  STATUS = "STATUS",
  WORK_KIND = "WORK_KIND",
}

const DIMENSIONS: Record<HouseDimension, string> = {
  DISTRICT: "The district of the household's commune.",
  COMMUNE: "The commune of the household the house is for.",
  MONTH: "The month the house reached its current state (`2019-03`): handed over, cancelled, started, …",
  QUARTER: "The quarter the house reached its current state (`2019-Q1`).",
  YEAR: "The year the house reached its current state (`2019`).",
  STATUS: "The house's current state.",
  WORK_KIND: "New build or repair.",
};

registerEnumType(HouseDimension, {
  name: "HouseDimension",
  description: "A dimension houseAggregate groups Great Solidarity houses by.",
  valuesConfig: describeValues(DIMENSIONS),
});

/** A dimension or measure houseAggregate's rows can be sorted by. */
export enum HouseAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  STATUS = "STATUS",
  WORK_KIND = "WORK_KIND",
  HOUSES = "HOUSES",
  COST_VND = "COST_VND",
  FUND_VND = "FUND_VND",
}

registerEnumType(HouseAggregateField, {
  name: "HouseAggregateField",
  description: "A dimension of the grouping or a measure, to sort houseAggregate's rows by.",
  valuesConfig: describeValues({
    ...DIMENSIONS,
    HOUSES: "Houses.",
    COST_VND: "Their whole cost, VND: the fund's, the sponsors' and the families' shares.",
    FUND_VND: "The Fund for the Poor's share of that cost, VND.",
  }),
});

@InputType({ description: "Which houses houseAggregate counts (all when left out)." })
export class HouseAggregateFilter {
  @Field(() => [HouseStatus], { nullable: true, description: "Only houses in these states now." })
  statuses?: HouseStatus[] | null;

  @Field(() => [HouseWorkKind], { nullable: true, description: "Only houses of these kinds." })
  workKinds?: HouseWorkKind[] | null;
}

@InputType({ description: "One sort key of houseAggregate's rows." })
export class HouseAggregateOrder {
  @Field(() => HouseAggregateField, { description: "A dimension of the grouping or a measure." })
  by: HouseAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description:
    "One group of Great Solidarity houses: the dimensions of the grouping (the others are null) and its measures.",
})
export class HouseAggregateRow {
  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The district (grouped by DISTRICT)." })
  district: AdministrativeUnitRef | null;

  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The commune (grouped by COMMUNE)." })
  commune: AdministrativeUnitRef | null;

  @Field(() => String, {
    nullable: true,
    description: "The month it reached its current state, `2019-03` (grouped by MONTH).",
  })
  month: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The quarter it reached its current state, `2019-Q1` (grouped by QUARTER).",
  })
  quarter: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The year it reached its current state, `2019` (grouped by YEAR).",
  })
  year: string | null;

  @Field(() => HouseStatus, { nullable: true, description: "The current state (grouped by STATUS)." })
  status: HouseStatus | null;

  @Field(() => HouseWorkKind, { nullable: true, description: "New build or repair (grouped by WORK_KIND)." })
  workKind: HouseWorkKind | null;

  @Field(() => Int, { description: "Houses." })
  houses: number;

  @Field(() => MoneyScalar, {
    description: "Their whole cost, VND: the fund's, the sponsors' and the families' shares.",
  })
  costVnd: bigint;

  @Field(() => MoneyScalar, { description: "The Fund for the Poor's share of that cost, VND." })
  fundVnd: bigint;
}

@ObjectType({ description: "Great Solidarity houses grouped by the dimensions asked for." })
export class HouseAggregate {
  @Field(() => [HouseAggregateRow], { description: "The groups, at most `first` of them." })
  rows: HouseAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  @Field(() => FigureCoverage, {
    description: `${COVERAGE} On the TODAY map grouped by COMMUNE, also approximate when a split commune's facts are under one part.`,
  })
  coverage: Coverage;
}

@ArgsType()
export class HouseAggregateArgs {
  @Field(() => ID, { description: UNIT })
  unitCode: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only houses that reached their current state on or after this day.",
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only houses that reached their current state on or before this day.",
  })
  to?: string | null;

  @Field(() => [HouseDimension], { description: GROUP_BY })
  groupBy: HouseDimension[];

  @Field(() => HouseAggregateFilter, { nullable: true, description: "Which houses to count." })
  filter?: HouseAggregateFilter | null;

  @Field(() => [HouseAggregateOrder], { nullable: true, description: ORDER_BY })
  orderBy?: HouseAggregateOrder[] | null;

  @Field(() => Int, { nullable: true, description: FIRST })
  first?: number | null;

  @Field(() => UnitMap, { nullable: true, defaultValue: UnitMap.AS_RECORDED, description: MAP })
  map?: UnitMap | null;
}
