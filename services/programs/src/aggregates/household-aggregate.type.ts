import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { SortDirection } from "@danvan/kit/aggregates";
import { AdministrativeUnitRef, UnitMap } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { AreaType } from "../households/household-graphql-enums.js";
import { PovertyStatus } from "../poverty/poverty-graphql-enums.js";
import { FIRST, GROUP_BY, MAP, ORDER_BY, UNIT } from "./argument-descriptions.js";
import { describeValues } from "./enum-descriptions.js";

/** What householdAggregate groups households by: never a name, an address or an income. */
export enum HouseholdDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  AREA = "AREA",
  POVERTY_STATUS = "POVERTY_STATUS",
  MEMBER_COUNT = "MEMBER_COUNT",
}

const DIMENSIONS: Record<HouseholdDimension, string> = {
  DISTRICT: "The district of the household's commune.",
  COMMUNE: "The commune the household is registered in.",
  AREA: "Urban or rural, as the household's record has it now.",
  POVERTY_STATUS: "The household's status at the year's review.",
  MEMBER_COUNT: "People in the household, as its record has it now.",
};

registerEnumType(HouseholdDimension, {
  name: "HouseholdDimension",
  description: "A dimension householdAggregate groups households by.",
  valuesConfig: describeValues(DIMENSIONS),
});

/** A dimension or measure householdAggregate's rows can be sorted by. */
export enum HouseholdAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  AREA = "AREA",
  POVERTY_STATUS = "POVERTY_STATUS",
  MEMBER_COUNT = "MEMBER_COUNT",
  HOUSEHOLDS = "HOUSEHOLDS",
  PEOPLE = "PEOPLE",
}

registerEnumType(HouseholdAggregateField, {
  name: "HouseholdAggregateField",
  description: "A dimension of the grouping or a measure, to sort householdAggregate's rows by.",
  valuesConfig: describeValues({
    ...DIMENSIONS,
    HOUSEHOLDS: "Households reviewed in the year.",
    PEOPLE: "People in those households.",
  }),
});

@InputType({ description: "Which households householdAggregate counts (all reviewed in the year when left out)." })
export class HouseholdAggregateFilter {
  @Field(() => [AreaType], { nullable: true, description: "Only households in these areas." })
  areas?: AreaType[] | null;

  @Field(() => [PovertyStatus], { nullable: true, description: "Only households with these statuses at the review." })
  povertyStatuses?: PovertyStatus[] | null;

  @Field(() => Int, { nullable: true, description: "Only households of at least this many people." })
  memberCountMin?: number | null;

  @Field(() => Int, { nullable: true, description: "Only households of at most this many people." })
  memberCountMax?: number | null;
}

@InputType({ description: "One sort key of householdAggregate's rows." })
export class HouseholdAggregateOrder {
  @Field(() => HouseholdAggregateField, { description: "A dimension of the grouping or a measure." })
  by: HouseholdAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description: "One group of households: the dimensions of the grouping (the others are null) and its measures.",
})
export class HouseholdAggregateRow {
  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The district (grouped by DISTRICT)." })
  district: AdministrativeUnitRef | null;

  @Field(() => AdministrativeUnitRef, { nullable: true, description: "The commune (grouped by COMMUNE)." })
  commune: AdministrativeUnitRef | null;

  @Field(() => AreaType, { nullable: true, description: "Urban or rural (grouped by AREA)." })
  area: AreaType | null;

  @Field(() => PovertyStatus, {
    nullable: true,
    description: "The status at the year's review (grouped by POVERTY_STATUS).",
  })
  povertyStatus: PovertyStatus | null;

  @Field(() => Int, { nullable: true, description: "People in the household (grouped by MEMBER_COUNT)." })
  memberCount: number | null;

  @Field(() => Int, { description: "Households reviewed in the year." })
  households: number;

  @Field(() => Int, { description: "People in those households." })
  people: number;
}

@ObjectType({ description: "Households grouped by the dimensions asked for." })
export class HouseholdAggregate {
  @Field(() => [HouseholdAggregateRow], { description: "The groups, at most `first` of them." })
  rows: HouseholdAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  @Field(() => FigureCoverage, {
    description: `${COVERAGE} On the TODAY map grouped by COMMUNE, also approximate when a split commune's facts are under one part.`,
  })
  coverage: Coverage;
}

@ArgsType()
export class HouseholdAggregateArgs {
  @Field(() => Int, { description: "The review year." })
  year: number;

  @Field(() => ID, { description: UNIT })
  unitCode: string;

  @Field(() => [HouseholdDimension], { description: GROUP_BY })
  groupBy: HouseholdDimension[];

  @Field(() => HouseholdAggregateFilter, { nullable: true, description: "Which households to count." })
  filter?: HouseholdAggregateFilter | null;

  @Field(() => [HouseholdAggregateOrder], { nullable: true, description: ORDER_BY })
  orderBy?: HouseholdAggregateOrder[] | null;

  @Field(() => Int, { nullable: true, description: FIRST })
  first?: number | null;

  @Field(() => UnitMap, { nullable: true, defaultValue: UnitMap.AS_RECORDED, description: MAP })
  map?: UnitMap | null;
}
