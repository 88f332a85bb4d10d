import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertObjectType, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from "graphql";
import { buildOrganisationsSchema } from "../schema.js";

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

describe("the organisations schema: memberAggregate as the graph contract writes it (issue 18)", () => {
  const TYPES = [
    "SortDirection",
    "MemberDimension",
    "AgeBand",
    "MemberAggregateField",
    "MemberAggregateFilter",
    "MemberAggregateOrder",
    "MemberAggregateRow",
    "MemberAggregate",
  ];

  it("has the contract's types, fields, arguments and nullability", async () => {
    const schema = await buildOrganisationsSchema();
    assert.deepEqual(
      TYPES.map((t) => shapeOf(schema, t)),
      [
        "enum SortDirection { ASC DESC }",
        "enum MemberDimension { DISTRICT COMMUNE ORGANISATION_KIND GENDER AGE_BAND JOIN_YEAR }",
        "enum AgeBand { AGE_16_30 AGE_31_45 AGE_46_60 AGE_OVER_60 UNKNOWN }",
        "enum MemberAggregateField { DISTRICT COMMUNE ORGANISATION_KIND GENDER AGE_BAND JOIN_YEAR MEMBERS }",
        "input MemberAggregateFilter { organisationKinds: [OrganisationKind!] genders: [Gender!] ageBands: [AgeBand!] }",
        "input MemberAggregateOrder { by: MemberAggregateField! direction: SortDirection = DESC }",
        "type MemberAggregateRow { district: AdministrativeUnit commune: AdministrativeUnit organisationKind: OrganisationKind gender: Gender ageBand: AgeBand joinYear: String members: Int suppressed: Boolean! }",
        "type MemberAggregate { rows: [MemberAggregateRow!]! totalRows: Int! coverage: FigureCoverage! }",
      ],
    );
    const field = assertObjectType(schema.getQueryType()).getFields().memberAggregate!;
    assert.equal(String(field.type), "MemberAggregate");
    assert.deepEqual(Object.fromEntries(field.args.map((a) => [a.name, String(a.type)])), {
      unitCode: "ID!",
      asOf: "Date",
      groupBy: "[MemberDimension!]!",
      filter: "MemberAggregateFilter",
      orderBy: "[MemberAggregateOrder!]",
      first: "Int",
      map: "UnitMap",
    });
  });

  it("describes every new type, field, argument and enum value in English", async () => {
    const schema = await buildOrganisationsSchema();
    const field = assertObjectType(schema.getQueryType()).getFields().memberAggregate!;
    const described: [string, string | null | undefined][] = [
      ["Query.memberAggregate", field.description],
      ...field.args.map((a): [string, string | null | undefined] => [`memberAggregate(${a.name})`, a.description]),
    ];
    for (const name of TYPES.slice(1)) {
      const t = schema.getType(name)!;
      described.push([name, t.description]);
      if (isEnumType(t)) for (const v of t.getValues()) described.push([`${name}.${v.name}`, v.description]);
      if (isObjectType(t) || isInputObjectType(t))
        for (const f of Object.values(t.getFields())) described.push([`${name}.${f.name}`, f.description]);
    }
    assert.ok(described.length > 40);
    for (const [what, description] of described) assert.match(description ?? "", /^[A-Z`(0-9].{4,}/, what);
  });
});
