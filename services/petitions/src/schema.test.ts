import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  assertObjectType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLSchema,
} from "graphql";
import { buildPetitionsSchema } from "./schema.js";

/** `Type.field` → its type as SDL prints it, `Type.field(arg)` → the argument's, `Input.field` → the input field's. */
function typeOf(schema: GraphQLSchema, path: string): string {
  const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(path)!;
  const type = schema.getType(typeName!);
  assert.ok(type, path);
  const fields = (
    type as { getFields(): Record<string, { type: unknown; args?: { name: string; type: unknown }[] }> }
  ).getFields();
  const field = fields[fieldName!];
  assert.ok(field, path);
  if (!argName) return String(field.type);
  const arg = field.args?.find((a) => a.name === argName);
  assert.ok(arg, path);
  return String(arg.type);
}

describe("the petitions schema: dates, months and partial answers", () => {
  it("types every date argument and input field as Date, and the reception month as YearMonth", async () => {
    const schema = await buildPetitionsSchema();
    const expected: Record<string, string> = {
      "Query.petitionStatistics(from)": "Date!",
      "Query.petitionStatistics(to)": "Date!",
      "Query.receptionSessions(from)": "Date",
      "Query.receptionSessions(to)": "Date",
      "Query.receptionCompliance(month)": "YearMonth!",
      "AdministrativeUnit.petitionStatistics(from)": "Date!",
      "AdministrativeUnit.petitionStatistics(to)": "Date!",
      "SubmitPetitionInput.receivedOn": "Date!",
      "PetitionStepInput.on": "Date!",
      "AcceptPetitionInput.on": "Date!",
      "RefusePetitionInput.on": "Date!",
      "MarkNotProcessableInput.on": "Date!",
      "ExtendDeadlineInput.on": "Date!",
      "ResolvePetitionInput.on": "Date!",
      "ReferForInspectionInput.on": "Date!",
      "RecordSessionInput.heldOn": "Date!",
      "ReassignPetitionInput.on": "Date!",
      "DeclareCalendarDayInput.on": "Date!",
      "SubmitPetitionInput.decisionKnownOn": "Date",
      "Petition.acceptanceDueOn": "Date",
    };
    for (const [path, type] of Object.entries(expected)) assert.equal(typeOf(schema, path), type, path);
  });

  it("lets a field that can fail or be refused null itself alone", async () => {
    const schema = await buildPetitionsSchema();
    const nullable = [
      "Query.petition",
      "Query.petitions",
      "Query.petitionStatistics",
      "Query.receptionSessions",
      "Query.receptionCompliance",
      "Query.declaredCalendarDays",
      "Petition.legalBasis",
      "Petition.acceptanceDueOn",
      "AdministrativeUnit.petitionStatistics",
      "Organisation.petitions",
      "Petition.denouncerIdentity",
      "Petition.summary",
      "ReceptionSession.petitions",
      "Petition.forwardedTo",
      "Petition.firstRound",
      ...Object.keys(assertObjectType(schema.getMutationType()).getFields()).map((f) => `Mutation.${f}`),
    ];
    assert.equal(nullable.filter((p) => p.startsWith("Mutation.")).length, 14);
    for (const path of nullable) assert.ok(!typeOf(schema, path).endsWith("!"), `${path} is ${typeOf(schema, path)}`);
    // What cannot fail on its own stays non-null.
    for (const path of ["Petition.id", "Petition.status", "Petition.history", "PetitionStatistics.received"])
      assert.ok(typeOf(schema, path).endsWith("!"), path);
  });
});

/** A type's shape as the contract writes it, without descriptions: `enum X { A B }`, `type X { a: T }`. */
function shapeOf(schema: GraphQLSchema, name: string): string {
  const t = schema.getType(name);
  if (isEnumType(t))
    return `enum ${name} { ${t
      .getValues()
      .map((v) => v.name)
      .join(" ")} }`;
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).map(
      (f) => `${f.name}: ${String(f.type)}${f.defaultValue === undefined ? "" : ` = ${String(f.defaultValue)}`}`,
    );
    return `input ${name} { ${fields.join(" ")} }`;
  }
  if (isObjectType(t))
    return `type ${name} { ${Object.values(t.getFields())
      .map((f) => `${f.name}: ${String(f.type)}`)
      .join(" ")} }`;
  throw new Error(`${name} is not in the schema`);
}

describe("the petitions schema: petitionAggregate as the graph contract writes it (issue 18)", () => {
  const TYPES = [
    "SortDirection",
    "PetitionDimension",
    "PetitionAggregateField",
    "PetitionAggregateFilter",
    "PetitionAggregateOrder",
    "PetitionAggregateRow",
    "PetitionAggregate",
  ];

  it("has the contract's types, fields, arguments and nullability", async () => {
    const schema = await buildPetitionsSchema();
    assert.deepEqual(
      TYPES.map((t) => shapeOf(schema, t)),
      [
        "enum SortDirection { ASC DESC }",
        "enum PetitionDimension { DISTRICT COMMUNE MONTH QUARTER YEAR KIND STATUS ON_TIME }",
        "enum PetitionAggregateField { DISTRICT COMMUNE MONTH QUARTER YEAR KIND STATUS ON_TIME RECEIVED RESOLVED RESOLVED_ON_TIME OVERDUE ACCEPTED_LATE FORWARDED FORWARD_OVERDUE MEDIAN_DAYS_TO_RESOLVE }",
        "input PetitionAggregateFilter { kinds: [PetitionKind!] statuses: [PetitionStatus!] }",
        "input PetitionAggregateOrder { by: PetitionAggregateField! direction: SortDirection = DESC }",
        "type PetitionAggregateRow { district: AdministrativeUnit commune: AdministrativeUnit month: String quarter: String year: String kind: PetitionKind status: PetitionStatus onTime: Boolean received: Int resolved: Int resolvedOnTime: Int overdue: Int acceptedLate: Int forwarded: Int forwardOverdue: Int medianDaysToResolve: Float suppressed: Boolean! }",
        "type PetitionAggregate { rows: [PetitionAggregateRow!]! totalRows: Int! coverage: FigureCoverage! }",
      ],
    );
    // Issue 27: what the figures rest on, and the map the places use.
    assert.deepEqual(
      ["FigureCoverage", "UnitMap"].map((t) => shapeOf(schema, t)),
      [
        "type FigureCoverage { complete: Boolean! approximate: Boolean! uncoveredUnits: [AdministrativeUnit!]! countedWholeUnits: [AdministrativeUnit!]! }",
        "enum UnitMap { AS_RECORDED TODAY }",
      ],
    );
    assert.equal(typeOf(schema, "PetitionStatistics.coverage"), "FigureCoverage!");
    const field = assertObjectType(schema.getQueryType()).getFields().petitionAggregate!;
    assert.equal(String(field.type), "PetitionAggregate");
    assert.deepEqual(Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, String(a.type)])), {
      unitCode: "ID!",
      from: "Date!",
      to: "Date!",
      groupBy: "[PetitionDimension!]!",
      filter: "PetitionAggregateFilter",
      orderBy: "[PetitionAggregateOrder!]",
      first: "Int",
      map: "UnitMap",
    });
    assert.equal(field.args.find((a) => a.name === "map")!.defaultValue, "AS_RECORDED");
  });

  it("describes every new type, field, argument and enum value in English", async () => {
    const schema = await buildPetitionsSchema();
    const field = assertObjectType(schema.getQueryType()).getFields().petitionAggregate!;
    const described: [string, string | null | undefined][] = [
      ["Query.petitionAggregate", field.description],
      ...field.args.map((a): [string, string | null | undefined] => [`petitionAggregate(${a.name})`, a.description]),
    ];
    for (const name of TYPES.slice(1)) {
      const t = schema.getType(name)!;
      described.push([name, t.description]);
      if (isEnumType(t)) for (const v of t.getValues()) described.push([`${name}.${v.name}`, v.description]);
      if (isObjectType(t) || isInputObjectType(t))
        for (const f of Object.values(t.getFields())) described.push([`${name}.${f.name}`, f.description]);
    }
    assert.ok(described.length > 50);
    for (const [what, description] of described) assert.match(description ?? "", /^[A-Z`(].{8,}/, what);
  });
});
