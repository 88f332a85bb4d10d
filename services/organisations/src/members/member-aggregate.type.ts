import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { SortDirection } from "@danvan/kit/aggregates";
import { OrganisationKind } from "../organisations/organisation-kind.js";
import { FigureCoverageType, type FigureCoverageShape } from "@danvan/kit/federation";
import type { FigureUnit } from "@danvan/kit/units";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { AgeBand } from "./age-band.js";
import { Gender } from "./member-status.js";

registerEnumType(AgeBand, {
  name: "AgeBand",
  description: "A member's age on `asOf`, from the birth year (the year of `asOf` minus the birth year).",
  valuesConfig: {
    AGE_16_30: { description: "30 or younger (the few who joined at 14 or 15 included)." },
    AGE_31_45: { description: "31 to 45." },
    AGE_46_60: { description: "46 to 60." },
    AGE_OVER_60: { description: "Over 60." },
    UNKNOWN: { description: "No birth year on record." },
  },
});

/** What memberAggregate can group by: never a member's name. */
export enum MemberDimension {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  ORGANISATION_KIND = "ORGANISATION_KIND",
  GENDER = "GENDER",
  AGE_BAND = "AGE_BAND",
  JOIN_YEAR = "JOIN_YEAR",
}

const DIMENSION_MEANINGS: Record<MemberDimension, string> = {
  DISTRICT:
    "The district of the committee the member is registered with (null for the province's own committees, and on today's map, which has no districts).",
  COMMUNE:
    "The commune of the committee the member is registered with (null for district and province committees); on today's map, the 2025 commune it went into.",
  ORGANISATION_KIND: "The Front or the socio-political organisation.",
  GENDER: "The member's gender.",
  AGE_BAND: "The member's age band on `asOf`, from the birth year.",
  JOIN_YEAR: "The year the member joined (`2019`).",
};
const dimensionValues = () =>
  Object.fromEntries(Object.entries(DIMENSION_MEANINGS).map(([k, description]) => [k, { description }])) as Record<
    MemberDimension,
    { description: string }
  >;

registerEnumType(MemberDimension, {
  name: "MemberDimension",
  description: "A dimension memberAggregate groups members by.",
  valuesConfig: dimensionValues(),
});

/** A dimension or measure memberAggregate's rows can be sorted by. */
export enum MemberAggregateField {
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
  ORGANISATION_KIND = "ORGANISATION_KIND",
  GENDER = "GENDER",
  AGE_BAND = "AGE_BAND",
  JOIN_YEAR = "JOIN_YEAR",
  MEMBERS = "MEMBERS",
}

export const MEMBER_MEASURES = [MemberAggregateField.MEMBERS] as const;

registerEnumType(MemberAggregateField, {
  name: "MemberAggregateField",
  description: "A dimension of the grouping or a measure, to sort memberAggregate's rows by.",
  valuesConfig: { ...dimensionValues(), MEMBERS: { description: "Members on `asOf`." } },
});

@InputType({ description: "Which members memberAggregate counts (all when left out)." })
export class MemberAggregateFilter {
  @Field(() => [OrganisationKind], { nullable: true, description: "Only members of these organisations." })
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [Gender], { nullable: true, description: "Only members of these genders." })
  genders?: Gender[] | null;

  @Field(() => [AgeBand], { nullable: true, description: "Only members in these age bands on `asOf`." })
  ageBands?: AgeBand[] | null;
}

@InputType({ description: "One sort key of memberAggregate's rows." })
export class MemberAggregateOrder {
  @Field(() => MemberAggregateField, { description: "A dimension of the grouping or a measure." })
  by: MemberAggregateField;

  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.DESC,
    description: "Ascending or descending (descending by default).",
  })
  direction?: SortDirection | null;
}

@ObjectType({
  description:
    "One group of members: the dimensions of the grouping (the others are null) and how many members it holds. Public callers see a group under 5 members as null.",
})
export class MemberAggregateRow {
  /** The units `district` and `commune` resolve (code and first day: one version), through the request's unit loader. */
  districtCode: string | null;
  districtValidFrom: string | null;
  communeCode: string | null;
  communeValidFrom: string | null;

  @Field(() => AdministrativeUnit, {
    nullable: true,
    description:
      "The district of the member's committee (grouped by DISTRICT); null for the province's own committees.",
  })
  district?: AdministrativeUnit | null;

  @Field(() => AdministrativeUnit, {
    nullable: true,
    description:
      "The commune of the member's committee (grouped by COMMUNE); null for district and province committees.",
  })
  commune?: AdministrativeUnit | null;

  @Field(() => OrganisationKind, { nullable: true, description: "The organisation (grouped by ORGANISATION_KIND)." })
  organisationKind: OrganisationKind | null;

  @Field(() => Gender, { nullable: true, description: "The gender (grouped by GENDER)." })
  gender: Gender | null;

  @Field(() => AgeBand, { nullable: true, description: "The age band on `asOf` (grouped by AGE_BAND)." })
  ageBand: AgeBand | null;

  @Field(() => String, { nullable: true, description: "The year joined, `2019` (grouped by JOIN_YEAR)." })
  joinYear: string | null;

  @Field(() => Int, { nullable: true, description: "Members on `asOf`; null for the public when under 5." })
  members: number | null;

  @Field(() => Boolean, {
    description:
      "True when the caller sees `members` as null: a public cell of 1 to 4 members, which could single out a person.",
  })
  suppressed: boolean;
}

/** FigureCoverage over this subgraph's units: made when the module loads, before the schema is built. */
export const MemberFigureCoverage = FigureCoverageType(AdministrativeUnit);

@ObjectType({ description: "Members grouped by the dimensions asked for, in the order asked for." })
export class MemberAggregate {
  @Field(() => [MemberAggregateRow], { description: "The groups, at most `first` of them." })
  rows: MemberAggregateRow[];

  @Field(() => Int, { description: "How many groups there are before `first` keeps some of them." })
  totalRows: number;

  /** The unit counted for: one version, whose coverage `coverage` gives. */
  unit?: FigureUnit;

  @Field(() => MemberFigureCoverage, {
    description:
      "What the figures rest on: the communes of the unit's territory through time without records (old Kiên Giang's), and the split communes whose members are all under one part.",
  })
  coverage?: FigureCoverageShape<AdministrativeUnit>;
}
