import assert from "node:assert/strict";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { accessOf } from "./access-policy.js";

/**
 * How the access matrix reaches each type of the supergraph (a locator per type, with the
 * samples' ids), the arguments it passes, and the selection it asks for each field.
 */
export const COMMUNE = "30280"; // Phường Mỹ Bình
export const DISTRICT = "883"; // Thành phố Long Xuyên
export const SESSION_DAY = `unitCode: "${COMMUNE}", from: "2019-03-04", to: "2019-03-04"`;
/** Arguments of nested fields, by argument name. */
const FIELD_ARGS: Record<string, string> = {
  year: "2019",
  from: '"2019-01-01"',
  to: '"2019-12-31"',
  first: "3",
  // Fund.balanceOn(date)
  date: '"2019-12-31"',
};

export type Path = (string | number)[];
export interface Locator {
  /** The query text around the selection of the located object's fields. */
  wrap: (selection: string) => string;
  path: Path;
}

export interface Samples {
  organisation: string;
  positionsOrganisation: string;
  member: string;
  campaign: string;
  fund: string;
  household: string;
  house: string;
  project: string;
  model: string;
  petition: string;
  /** The position, in its day's list, of a reception session where the petition was received. */
  sessionIndex: number;
  otherDistrict: string;
}

function nested(root: string, inner: string[], path: Path): Locator {
  return {
    wrap: (sel) => `{ ${root} { ${inner.map((s) => `${s} { `).join("")}${sel}${" }".repeat(inner.length)} } }`,
    path,
  };
}

export function locators(s: Samples): Record<string, Locator> {
  const one = (root: string, key: string): Locator => ({ wrap: (sel) => `{ ${root} { ${sel} } }`, path: [key] });
  const period = `from: "2019-01-01", to: "2019-12-31"`;
  return {
    Query: { wrap: (sel) => `{ ${sel} }`, path: [] },
    AdministrativeUnit: one(`administrativeUnit(code: "${COMMUNE}")`, "administrativeUnit"),
    FigureCoverage: nested(
      `povertyStatistics(unitCode: "91", year: 2019)`,
      ["coverage"],
      ["povertyStatistics", "coverage"],
    ),
    UnitSuccessionLink: nested(
      `administrativeUnit(code: "30307")`,
      ["predecessors"],
      ["administrativeUnit", "predecessors", 0],
    ),
    Organisation: one(`organisation(id: "${s.organisation}")`, "organisation"),
    LeadershipPosition: nested(
      `organisation(id: "${s.positionsOrganisation}")`,
      ["positions"],
      ["organisation", "positions", 0],
    ),
    Recruitment: nested(
      `organisation(id: "${s.organisation}")`,
      ["recruitment(year: 2019)"],
      ["organisation", "recruitment"],
    ),
    Campaign: one(`campaign(id: "${s.campaign}")`, "campaign"),
    CampaignPhase: nested(`campaign(id: "${s.campaign}")`, ["phases"], ["campaign", "phases", 0]),
    Member: one(`member(id: "${s.member}")`, "member"),
    Household: one(`household(id: "${s.household}")`, "household"),
    PovertyClassification: nested(
      `household(id: "${s.household}")`,
      ["classifications"],
      ["household", "classifications", 0],
    ),
    SupportEvent: nested(`household(id: "${s.household}")`, ["supportEvents"], ["household", "supportEvents", 0]),
    SolidarityHouse: one(`solidarityHouse(id: "${s.house}")`, "solidarityHouse"),
    Fund: one(`fund(id: "${s.fund}")`, "fund"),
    FundBalance: nested(`fund(id: "${s.fund}")`, [`balance(${period})`], ["fund", "balance"]),
    FundLowestBalance: nested(`fund(id: "${s.fund}")`, ["lowestBalance"], ["fund", "lowestBalance"]),
    Contribution: nested(
      `fund(id: "${s.fund}")`,
      ["contributions(first: 3)", "edges", "node"],
      ["fund", "contributions", "edges", 0, "node"],
    ),
    MemberProject: one(`memberProject(id: "${s.project}")`, "memberProject"),
    MobilisationModel: one(`mobilisationModel(id: "${s.model}")`, "mobilisationModel"),
    Petition: one(`petition(id: "${s.petition}")`, "petition"),
    // The acceptance, whose note is screened free text (the receipt has none).
    PetitionEvent: nested(`petition(id: "${s.petition}")`, ["history"], ["petition", "history", 1]),
    DenouncerIdentity: nested(
      `petition(id: "${s.petition}")`,
      ["denouncerIdentity"],
      ["petition", "denouncerIdentity"],
    ),
    ReceptionSession: nested(
      `receptionSessions(${SESSION_DAY}, first: ${s.sessionIndex + 1})`,
      ["edges", "node"],
      ["receptionSessions", "edges", s.sessionIndex, "node"],
    ),
    PetitionStatistics: one(`petitionStatistics(unitCode: "${DISTRICT}", ${period})`, "petitionStatistics"),
    PetitionKindFigures: nested(
      `petitionStatistics(unitCode: "${DISTRICT}", ${period})`,
      ["byKind"],
      ["petitionStatistics", "byKind", 0],
    ),
    ReceptionCompliance: one(`receptionCompliance(unitCode: "${DISTRICT}", month: "2019-06")`, "receptionCompliance"),
    DeclaredCalendarDay: nested(`declaredCalendarDays(${period})`, [], ["declaredCalendarDays", 0]),
    StateBody: one(`stateBody(id: "UBND-${DISTRICT}")`, "stateBody"),
    FundSummary: one(`fundSummary(unitCode: "${DISTRICT}", ${period})`, "fundSummary"),
    FundYear: nested(`fundSummary(unitCode: "${DISTRICT}", ${period})`, ["byYear"], ["fundSummary", "byYear", 0]),
    SupportKindFigures: nested(
      `fundSummary(unitCode: "${DISTRICT}", ${period})`,
      ["supportByKind"],
      ["fundSummary", "supportByKind", 0],
    ),
    HouseStatistics: one(`houseStatistics(unitCode: "${DISTRICT}")`, "houseStatistics"),
    HouseKindCount: nested(`houseStatistics(unitCode: "${DISTRICT}")`, ["byKind"], ["houseStatistics", "byKind", 0]),
    HouseStatusCount: nested(
      `houseStatistics(unitCode: "${DISTRICT}")`,
      ["byStatus"],
      ["houseStatistics", "byStatus", 0],
    ),
    ModelStatistics: one(`modelStatistics(unitCode: "${DISTRICT}")`, "modelStatistics"),
    ModelFieldCount: nested(`modelStatistics(unitCode: "${DISTRICT}")`, ["byField"], ["modelStatistics", "byField", 0]),
    ModelStatusCount: nested(
      `modelStatistics(unitCode: "${DISTRICT}")`,
      ["byStatus"],
      ["modelStatistics", "byStatus", 0],
    ),
    PovertyStatistics: one(`povertyStatistics(unitCode: "${DISTRICT}", year: 2019)`, "povertyStatistics"),
    PovertyStandard: nested("povertyStandards", [], ["povertyStandards", 0]),
    PovertyThreshold: nested("povertyStandards", ["thresholds"], ["povertyStandards", 0, "thresholds", 0]),
    ...aggregateLocators(),
  };
}

/** The analysts' aggregates, grouped so that every cell counts 5 or more (none suppressed). */
const AGGREGATE_ARGS: Record<string, string> = {
  householdAggregate: `year: 2019, unitCode: "${DISTRICT}", groupBy: [AREA]`,
  supportAggregate: `unitCode: "${DISTRICT}", from: "2019-01-01", to: "2019-12-31", groupBy: [KIND]`,
  contributionAggregate: `unitCode: "${DISTRICT}", from: "2010-01-01", to: "2019-12-31", groupBy: [FORM]`,
  houseAggregate: `unitCode: "${DISTRICT}", groupBy: [WORK_KIND]`,
  petitionAggregate: `unitCode: "89", from: "2015-01-01", to: "2020-12-31", groupBy: [KIND]`,
  memberAggregate: `unitCode: "89", asOf: "2019-12-31", groupBy: [ORGANISATION_KIND]`,
};

function aggregateLocators(): Record<string, Locator> {
  const one = (root: string, key: string): Locator => ({ wrap: (sel) => `{ ${root} { ${sel} } }`, path: [key] });
  return Object.fromEntries(
    Object.entries(AGGREGATE_ARGS).flatMap(([field, args]) => {
      const type = field.charAt(0).toUpperCase() + field.slice(1);
      return [
        [type, one(`${field}(${args})`, field)],
        [`${type}Row`, nested(`${field}(${args})`, ["rows"], [field, "rows", 0])],
      ];
    }),
  );
}

/** Root fields' arguments: the samples, in scope of the in-scope officer. */
export function rootArgs(s: Samples): Record<string, string> {
  const period = `from: "2019-01-01", to: "2019-12-31"`;
  return {
    administrativeUnit: `code: "${COMMUNE}"`,
    administrativeUnits: `parentCode: "${DISTRICT}"`,
    organisation: `id: "${s.organisation}"`,
    organisations: `unitCode: "${DISTRICT}", first: 3`,
    member: `id: "${s.member}"`,
    campaign: `id: "${s.campaign}"`,
    campaigns: `first: 3`,
    petition: `id: "${s.petition}"`,
    petitions: `unitCode: "${COMMUNE}", first: 3`,
    petitionStatistics: `unitCode: "${DISTRICT}", ${period}`,
    receptionSessions: `unitCode: "${DISTRICT}", first: 3`,
    receptionCompliance: `unitCode: "${DISTRICT}", month: "2019-06"`,
    declaredCalendarDays: period,
    stateBody: `id: "UBND-${DISTRICT}"`,
    stateBodies: `unitCode: "${DISTRICT}"`,
    solidarityHouse: `id: "${s.house}"`,
    solidarityHouses: `unitCode: "${DISTRICT}", first: 3`,
    houseStatistics: `unitCode: "${DISTRICT}"`,
    household: `id: "${s.household}"`,
    households: `unitCode: "${DISTRICT}", first: 3`,
    mobilisationModel: `id: "${s.model}"`,
    mobilisationModels: `unitCode: "${DISTRICT}", first: 3`,
    modelStatistics: `unitCode: "${DISTRICT}"`,
    memberProject: `id: "${s.project}"`,
    memberProjects: `unitCode: "${DISTRICT}", first: 3`,
    fundSummary: `unitCode: "${DISTRICT}", ${period}`,
    fund: `id: "${s.fund}"`,
    povertyStatistics: `unitCode: "${DISTRICT}", year: 2019`,
    povertyStandards: "",
    ...AGGREGATE_ARGS,
  };
}

/**
 * A type's own leaves (scalars and enums without required arguments), what a client shows of
 * it; personal and confidential ones are left to their own cells.
 */
function leaves(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .filter((f) => ["public", "record"].includes(accessOf(type.name, f.name) ?? "public"))
    .map((f) => f.name)
    .join(" ");
}

export function subselection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return "";
  if (named.name.endsWith("Connection")) {
    const node = getNamedType(
      (getNamedType(named.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type,
    ) as GraphQLObjectType;
    return ` { totalCount edges { node { ${leaves(node)} } } }`;
  }
  return ` { __typename ${leaves(named)} }`;
}

export function fieldSelection(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  roots: Record<string, string>,
): string {
  let args: string[];
  if (typeName === "Query") {
    args = roots[field.name] ? [roots[field.name]!] : [];
  } else {
    args = field.args
      .filter((a) => isNonNullType(a.type) || (a.name === "first" && FIELD_ARGS.first))
      .map((a) => {
        const value = FIELD_ARGS[a.name];
        assert.ok(value, `no sample value for the argument ${typeName}.${field.name}(${a.name})`);
        return `${a.name}: ${value}`;
      });
  }
  return `${field.name}${args.length ? `(${args.join(", ")})` : ""}${subselection(field)}`;
}

/** A literal for a required argument: well-typed, so that refusal, not validation, answers. */
export function literal(type: GraphQLInputType): string {
  const t = getNullableType(type);
  if (isListType(t)) return `[${literal(t.ofType)}]`;
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(", ")} }`;
  }
  if (isEnumType(t)) return t.getValues()[0]!.name;
  const scalars: Record<string, string> = {
    ID: '"1"',
    String: '"matrix"',
    Int: "1",
    Float: "1",
    Boolean: "false",
    BigInt: "1",
    Date: '"2020-01-02"',
    DateTime: '"2020-01-02T00:00:00Z"',
  };
  const value = scalars[t.name];
  assert.ok(value, `no sample literal for the scalar ${t.name}`);
  return value;
}

export function at(data: unknown, path: Path): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

export async function inPool<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}
