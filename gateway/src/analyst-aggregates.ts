/**
 * What the analyst page knows of the analysts' grouped aggregates (issue 18): each root field,
 * its period, dimensions, measures and filters, exactly as docs/graph-contract.md ("Analysts'
 * grouped aggregates") names them, and whether it takes the map and answers its coverage (issue
 * 27). The page builds its GraphQL documents from this table and nothing else;
 * analyst-aggregates.test.ts checks it against the contract and schema/supergraph.graphql.
 */

/** The enums the aggregates' dimensions and filters take, with their values in the graph's order. */
export const AGGREGATE_ENUMS = {
  AreaType: ["URBAN", "RURAL"],
  PovertyStatus: ["POOR", "NEAR_POOR", "NOT_POOR"],
  SupportKind: ["TET_GIFT", "EMERGENCY", "STUDY", "MEDICAL", "PRODUCTION", "LOAN", "TECHNOLOGY_TRANSFER"],
  SupportFunding: ["COMMUNE_FUND", "DISTRICT_FUND", "PROVINCE_FUND", "NOT_THE_FUND"],
  ContributionForm: ["CASH", "IN_KIND"],
  DonorKind: ["PERSON", "ORGANISATION", "ANONYMOUS"],
  UnitLevel: ["PROVINCE", "DISTRICT", "COMMUNE"],
  HouseStatus: ["PROPOSED", "APPROVED", "UNDER_CONSTRUCTION", "HANDED_OVER", "CANCELLED"],
  HouseWorkKind: ["NEW", "REPAIR"],
  PetitionKind: ["COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "REFLECTION"],
  PetitionStatus: [
    "RECEIVED",
    "ACCEPTED",
    "NOT_ACCEPTED",
    "UNDER_VERIFICATION",
    "RESOLVED",
    "WITHDRAWN",
    "NOT_PROCESSED_AS_DENUNCIATION",
    "REFERRED_FOR_INSPECTION",
    "FORWARDED",
  ],
  OrganisationKind: [
    "FATHERLAND_FRONT",
    "FARMERS_UNION",
    "WOMENS_UNION",
    "YOUTH_UNION",
    "VETERANS_ASSOCIATION",
    "LABOUR_FEDERATION",
  ],
  Gender: ["FEMALE", "MALE"],
  AgeBand: ["AGE_16_30", "AGE_31_45", "AGE_46_60", "AGE_OVER_60", "UNKNOWN"],
} as const satisfies Record<string, readonly string[]>;

export type AggregateEnumName = keyof typeof AGGREGATE_ENUMS;

/**
 * How a dimension reads in a row: a place is an `AdministrativeUnit` (`{ code name }`), a time a
 * string bucket (`2019-03`, `2019-Q1`, `2019`, a join year), the rest an enum value, a whole
 * number or a boolean.
 */
export type DimensionKind = "place" | "time" | "enum" | "int" | "boolean";

export interface DimensionSpec {
  /** The value of `<Fact>Dimension` (and of `<Fact>AggregateField`). */
  readonly name: string;
  /** The row's field. */
  readonly field: string;
  readonly kind: DimensionKind;
  readonly enumType?: AggregateEnumName;
}

/** A count, whole VND (the `BigInt` scalar: a JSON number, or a string beyond 2^53), or days. */
export type MeasureKind = "count" | "money" | "days";

export interface MeasureSpec {
  /** The value of `<Fact>AggregateField`. */
  readonly name: string;
  readonly field: string;
  readonly kind: MeasureKind;
  /** True when rows add up (a count, an amount); a median does not. */
  readonly additive: boolean;
}

/** A filter field: a list of a dimension's values, or a whole-number bound. */
export type FilterSpec =
  | {
      readonly field: string;
      readonly kind: "enumList";
      readonly enumType: AggregateEnumName;
      readonly dimension: string;
    }
  | { readonly field: string; readonly kind: "int" };

/**
 * The period an aggregate takes: `year: Int!` (households), `from: Date!, to: Date!`, optional
 * `from: Date, to: Date` (houses), or an optional `asOf: Date` (members).
 */
export type PeriodKind = "year" | "range" | "optionalRange" | "asOf";

export interface AggregateSpec {
  /** The page's name for it (and its messages'). */
  readonly id: "households" | "support" | "contributions" | "houses" | "petitions" | "members";
  /** The root field. */
  readonly field: string;
  /** `<prefix>Dimension`, `<prefix>AggregateFilter`, `<prefix>AggregateOrder`, `<prefix>AggregateField`. */
  readonly prefix: string;
  readonly period: PeriodKind;
  readonly dimensions: readonly DimensionSpec[];
  readonly measures: readonly MeasureSpec[];
  readonly filters: readonly FilterSpec[];
  /** True when the public's small cells are suppressed (rows carry `suppressed`, measures nullable). */
  readonly suppressed: boolean;
  /**
   * True when it takes `map: UnitMap` (issue 27): AS_RECORDED, each fact under the commune and
   * district of its date; TODAY, under the 2025 commune its commune went into, with no districts.
   */
  readonly map: boolean;
  /** True when it answers `coverage: FigureCoverage!` (communes without records, split communes counted whole). */
  readonly coverage: boolean;
}

/** The values of `UnitMap`, the first the graph's default. */
export const UNIT_MAPS = ["AS_RECORDED", "TODAY"] as const;
export type UnitMapValue = (typeof UNIT_MAPS)[number];

const place = (name: "DISTRICT" | "COMMUNE"): DimensionSpec => ({ name, field: name.toLowerCase(), kind: "place" });
const PLACES = [place("DISTRICT"), place("COMMUNE")];
const TIMES: DimensionSpec[] = [
  { name: "MONTH", field: "month", kind: "time" },
  { name: "QUARTER", field: "quarter", kind: "time" },
  { name: "YEAR", field: "year", kind: "time" },
];
const count = (name: string, field: string): MeasureSpec => ({ name, field, kind: "count", additive: true });
const money = (name: string, field: string): MeasureSpec => ({ name, field, kind: "money", additive: true });
const enumFilter = (field: string, enumType: AggregateEnumName, dimension: string): FilterSpec => ({
  field,
  kind: "enumList",
  enumType,
  dimension,
});

/** The six aggregates, in the order the page offers them. */
export const AGGREGATES: readonly AggregateSpec[] = [
  {
    id: "households",
    field: "householdAggregate",
    prefix: "Household",
    period: "year",
    dimensions: [
      ...PLACES,
      { name: "AREA", field: "area", kind: "enum", enumType: "AreaType" },
      { name: "POVERTY_STATUS", field: "povertyStatus", kind: "enum", enumType: "PovertyStatus" },
      { name: "MEMBER_COUNT", field: "memberCount", kind: "int" },
    ],
    measures: [count("HOUSEHOLDS", "households"), count("PEOPLE", "people")],
    filters: [
      enumFilter("areas", "AreaType", "AREA"),
      enumFilter("povertyStatuses", "PovertyStatus", "POVERTY_STATUS"),
      { field: "memberCountMin", kind: "int" },
      { field: "memberCountMax", kind: "int" },
    ],
    suppressed: false,
    map: true,
    coverage: true,
  },
  {
    id: "support",
    field: "supportAggregate",
    prefix: "Support",
    period: "range",
    dimensions: [
      ...PLACES,
      ...TIMES,
      { name: "KIND", field: "kind", kind: "enum", enumType: "SupportKind" },
      { name: "FUNDING_SOURCE", field: "fundingSource", kind: "enum", enumType: "SupportFunding" },
      { name: "RECIPIENT_STATUS", field: "recipientStatus", kind: "enum", enumType: "PovertyStatus" },
    ],
    measures: [count("EVENTS", "events"), money("AMOUNT_VND", "amountVnd")],
    filters: [
      enumFilter("kinds", "SupportKind", "KIND"),
      enumFilter("fundingSources", "SupportFunding", "FUNDING_SOURCE"),
      enumFilter("recipientStatuses", "PovertyStatus", "RECIPIENT_STATUS"),
    ],
    suppressed: false,
    map: true,
    coverage: true,
  },
  {
    id: "contributions",
    field: "contributionAggregate",
    prefix: "Contribution",
    period: "range",
    dimensions: [
      ...PLACES,
      ...TIMES,
      { name: "FORM", field: "form", kind: "enum", enumType: "ContributionForm" },
      { name: "DONOR_KIND", field: "donorKind", kind: "enum", enumType: "DonorKind" },
      { name: "FUND_LEVEL", field: "fundLevel", kind: "enum", enumType: "UnitLevel" },
    ],
    measures: [count("CONTRIBUTIONS", "contributions"), money("AMOUNT_VND", "amountVnd")],
    filters: [
      enumFilter("forms", "ContributionForm", "FORM"),
      enumFilter("donorKinds", "DonorKind", "DONOR_KIND"),
      enumFilter("fundLevels", "UnitLevel", "FUND_LEVEL"),
    ],
    suppressed: false,
    map: true,
    coverage: true,
  },
  {
    id: "houses",
    field: "houseAggregate",
    prefix: "House",
    period: "optionalRange",
    dimensions: [
      ...PLACES,
      ...TIMES,
      { name: "STATUS", field: "status", kind: "enum", enumType: "HouseStatus" },
      { name: "WORK_KIND", field: "workKind", kind: "enum", enumType: "HouseWorkKind" },
    ],
    measures: [count("HOUSES", "houses"), money("COST_VND", "costVnd"), money("FUND_VND", "fundVnd")],
    filters: [enumFilter("statuses", "HouseStatus", "STATUS"), enumFilter("workKinds", "HouseWorkKind", "WORK_KIND")],
    suppressed: false,
    map: true,
    coverage: true,
  },
  {
    id: "petitions",
    field: "petitionAggregate",
    prefix: "Petition",
    period: "range",
    dimensions: [
      ...PLACES,
      ...TIMES,
      { name: "KIND", field: "kind", kind: "enum", enumType: "PetitionKind" },
      { name: "STATUS", field: "status", kind: "enum", enumType: "PetitionStatus" },
      { name: "ON_TIME", field: "onTime", kind: "boolean" },
    ],
    measures: [
      count("RECEIVED", "received"),
      count("RESOLVED", "resolved"),
      count("RESOLVED_ON_TIME", "resolvedOnTime"),
      count("OVERDUE", "overdue"),
      count("ACCEPTED_LATE", "acceptedLate"),
      count("FORWARDED", "forwarded"),
      count("FORWARD_OVERDUE", "forwardOverdue"),
      { name: "MEDIAN_DAYS_TO_RESOLVE", field: "medianDaysToResolve", kind: "days", additive: false },
    ],
    filters: [enumFilter("kinds", "PetitionKind", "KIND"), enumFilter("statuses", "PetitionStatus", "STATUS")],
    suppressed: true,
    map: true,
    coverage: true,
  },
  {
    id: "members",
    field: "memberAggregate",
    prefix: "Member",
    period: "asOf",
    dimensions: [
      ...PLACES,
      { name: "ORGANISATION_KIND", field: "organisationKind", kind: "enum", enumType: "OrganisationKind" },
      { name: "GENDER", field: "gender", kind: "enum", enumType: "Gender" },
      { name: "AGE_BAND", field: "ageBand", kind: "enum", enumType: "AgeBand" },
      { name: "JOIN_YEAR", field: "joinYear", kind: "time" },
    ],
    measures: [count("MEMBERS", "members")],
    filters: [
      enumFilter("organisationKinds", "OrganisationKind", "ORGANISATION_KIND"),
      enumFilter("genders", "Gender", "GENDER"),
      enumFilter("ageBands", "AgeBand", "AGE_BAND"),
    ],
    suppressed: true,
    map: true,
    coverage: true,
  },
];

export type AggregateId = AggregateSpec["id"];

export function aggregateById(id: string): AggregateSpec | undefined {
  return AGGREGATES.find((a) => a.id === id);
}

/** At most this many dimensions in one grouping (the contract's, and the kit's MAX_DIMENSIONS). */
export const MAX_DIMENSIONS = 4;
/** `first`: the contract's default and bounds. */
export const DEFAULT_ROWS = 100;
export const MAX_ROWS = 1000;
