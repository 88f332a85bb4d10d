/**
 * Who may see what (docs/product.md, "Who may see what"), written down per type and field of the
 * supergraph so that the access matrix test can check every cell, and so that a field added
 * to the graph without a decision here fails that test.
 *
 * - `public`: reference data and published aggregates; every role sees the same value.
 * - `record`: working records (people, households, petitions, funds' books): officers in
 *   scope, administrators and analysts; never the public, never an officer of another unit.
 * - `personal`: a personal identifier on a record: as `record`, and analysts get it masked
 *   or not at all.
 * - `confidential`: the denouncer's identity: the petition's handling officer only.
 */
export type Access = "public" | "record" | "personal" | "confidential";

/** The callers of the matrix: each a real token (or none) sent through the gateway. */
export type MatrixRole = "public" | "officerOutOfScope" | "officerInScope" | "handlingOfficer" | "analyst" | "admin";
export const MATRIX_ROLES: readonly MatrixRole[] = [
  "public",
  "officerOutOfScope",
  "officerInScope",
  "handlingOfficer",
  "analyst",
  "admin",
];

/** The roles that must not see a field of each access class (they get an error, null, masked or nothing). */
export const MUST_NOT_SEE: Readonly<Record<Access, readonly MatrixRole[]>> = {
  public: [],
  record: ["public", "officerOutOfScope"],
  personal: ["public", "officerOutOfScope", "analyst"],
  confidential: ["public", "officerOutOfScope", "officerInScope", "analyst", "admin"],
};

/** Whose answer is the true value a permitted role must get exactly. */
export const REFERENCE_ROLE: Readonly<Record<Access, MatrixRole>> = {
  public: "admin",
  record: "admin",
  personal: "admin",
  confidential: "handlingOfficer",
};

interface TypePolicy {
  /** The class of every field not named in `fields`. */
  access: Access;
  fields?: Record<string, Access>;
}

/** Every object type reachable from Query; connection, edge and page types follow their nodes. */
export const TYPE_POLICY: Readonly<Record<string, TypePolicy>> = {
  Query: {
    access: "public",
    fields: {
      member: "record",
      petition: "record",
      petitions: "record",
      solidarityHouse: "record",
      solidarityHouses: "record",
      household: "record",
      households: "record",
      memberProject: "record",
      memberProjects: "record",
    },
  },
  AdministrativeUnit: { access: "public", fields: { households: "record" } },
  // A unit's links to the units it was formed from and went into (issue 27): public reference data.
  UnitSuccessionLink: { access: "public" },
  // What a figure rests on (issue 27): as public as the figure.
  FigureCoverage: { access: "public" },
  Organisation: { access: "public", fields: { members: "record", petitions: "record" } },
  LeadershipPosition: { access: "public" },
  Recruitment: { access: "public" },
  Campaign: { access: "public" },
  CampaignPhase: { access: "public" },
  Member: { access: "record", fields: { fullName: "personal" } },
  Household: { access: "record", fields: { headName: "personal", address: "personal" } },
  PovertyClassification: { access: "record" },
  SupportEvent: { access: "record" },
  SolidarityHouse: { access: "record" },
  // A fund's book is published (its balance); who gave what is a record.
  Fund: { access: "public", fields: { contributions: "record" } },
  FundBalance: { access: "public" },
  // Its balance on a day and its lowest end-of-day balance are the published book too.
  FundLowestBalance: { access: "public" },
  Contribution: { access: "record", fields: { donorName: "personal" } },
  MemberProject: { access: "record" },
  MobilisationModel: { access: "public", fields: { registrantName: "personal" } },
  // Free text about a petition (summary, conclusion, a step's note): analysts never see it (issue 19).
  Petition: {
    access: "record",
    fields: { summary: "personal", conclusion: "personal", denouncerIdentity: "confidential" },
  },
  PetitionEvent: { access: "record", fields: { note: "personal" } },
  DenouncerIdentity: { access: "confidential" },
  ReceptionSession: { access: "public", fields: { petitions: "record" } },
  PetitionStatistics: { access: "public" },
  PetitionKindFigures: { access: "public" },
  ReceptionCompliance: { access: "public" },
  // The working days and days off the government declared (issue 19): public reference data.
  DeclaredCalendarDay: { access: "public" },
  // The units' state bodies petitions are forwarded to (issue 19): public reference data.
  StateBody: { access: "public" },
  FundSummary: { access: "public" },
  FundYear: { access: "public" },
  SupportKindFigures: { access: "public" },
  HouseStatistics: { access: "public" },
  HouseKindCount: { access: "public" },
  HouseStatusCount: { access: "public" },
  ModelStatistics: { access: "public" },
  ModelFieldCount: { access: "public" },
  ModelStatusCount: { access: "public" },
  PovertyStatistics: { access: "public" },
  PovertyStandard: { access: "public" },
  PovertyThreshold: { access: "public" },
  // The analysts' grouped aggregates (issue 18) are statistics: public. The public's member and
  // petition cells under 5 are suppressed (tested in their subgraphs); the matrix groups so that
  // no cell is that small, and every role must then read the same figures.
  HouseholdAggregate: { access: "public" },
  HouseholdAggregateRow: { access: "public" },
  SupportAggregate: { access: "public" },
  SupportAggregateRow: { access: "public" },
  ContributionAggregate: { access: "public" },
  ContributionAggregateRow: { access: "public" },
  HouseAggregate: { access: "public" },
  HouseAggregateRow: { access: "public" },
  PetitionAggregate: { access: "public" },
  PetitionAggregateRow: { access: "public" },
  MemberAggregate: { access: "public" },
  MemberAggregateRow: { access: "public" },
};

export function accessOf(type: string, field: string): Access | undefined {
  const policy = TYPE_POLICY[type];
  return policy ? (policy.fields?.[field] ?? policy.access) : undefined;
}

/** Types that only wrap their nodes for paging: their fields follow the node's access. */
export function isPagingType(type: string): boolean {
  return type.endsWith("Connection") || type.endsWith("Edge") || type === "PageInfo";
}
