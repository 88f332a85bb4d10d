import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  isEnumType,
  isInputObjectType,
  isObjectType,
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  type DefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from "graphql";
import { repoRoot } from "@danvan/kit";
import { buildProgramsSchema } from "../schema.js";

/**
 * The four aggregates as the graph contract spells them (docs/graph-contract.md, "Analysts'
 * grouped aggregates (issue 18)", its programs part): every type, field, argument, enum value,
 * nullability and default, read from the contract and compared with the built schema; and a
 * description on each of them.
 */

function contractDefinitions(): DefinitionNode[] {
  const text = fs.readFileSync(path.join(repoRoot, "docs/graph-contract.md"), "utf8");
  const section = text.slice(text.indexOf("## Analysts' grouped aggregates (issue 18)"));
  const block = section.slice(
    section.indexOf("```graphql") + "```graphql".length,
    section.indexOf("```", section.indexOf("```graphql") + 10),
  );
  const programs = block.slice(block.indexOf("# programs"), block.indexOf("# petitions")).replace(/#[^\n]*/g, "");
  // Type definitions as written; the root fields between them go into a Query type.
  const definitions = programs.match(/\b(enum|input|type)\s+\w+\s*\{[^}]*\}/g) ?? [];
  let rest = programs;
  for (const d of definitions) rest = rest.replace(d, "");
  // "Every <Fact>AggregateOrder is { by, direction = DESC } and every <Fact>Aggregate is { rows totalRows }";
  // and, from the contract's units section (issue 27), every aggregate says what it rests on
  // (`coverage: FigureCoverage!`) and takes the grouped aggregates' `map:` argument, after `first`.
  const implied = ["Household", "Support", "Contribution", "House"].flatMap((fact) => [
    `input ${fact}AggregateOrder { by: ${fact}AggregateField! direction: SortDirection = DESC }`,
    `type ${fact}Aggregate { rows: [${fact}AggregateRow!]! totalRows: Int! coverage: FigureCoverage! }`,
  ]);
  for (const [i, d] of definitions.entries())
    if (/^type \w+Aggregate\s*\{/.test(d)) definitions[i] = d.replace(/\}$/, " coverage: FigureCoverage! }");
  const written = new Set(definitions.map((d) => /\b(?:enum|input|type)\s+(\w+)/.exec(d)![1]));
  const sdl = [
    ...definitions,
    ...implied.filter((d) => !written.has(/\b(?:input|type)\s+(\w+)/.exec(d)![1])),
    `type Query { ${rest.replace(/first: Int\)/g, "first: Int, map: UnitMap = AS_RECORDED)")} }`,
  ].join("\n");
  return [...parse(sdl).definitions];
}

const defaultOf = (node: InputValueDefinitionNode) =>
  node.defaultValue ? JSON.stringify(valueFromASTUntyped(node.defaultValue)) : undefined;

function compare(schema: GraphQLSchema, def: DefinitionNode): string[] {
  const problems: string[] = [];
  if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
    const type = schema.getType(def.name.value);
    if (!isEnumType(type)) return [`${def.name.value} is not an enum`];
    const values = type.getValues();
    if (JSON.stringify(values.map((v) => v.name)) !== JSON.stringify(def.values!.map((v) => v.name.value)))
      problems.push(`${def.name.value}: values ${values.map((v) => v.name).join(" ")}`);
    if (!type.description) problems.push(`${def.name.value}: no description`);
    for (const v of values)
      if (!v.description && !/^(ASC|DESC)$/.test(v.name)) problems.push(`${def.name.value}.${v.name}: no description`);
  } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
    const type = schema.getType(def.name.value);
    if (!isInputObjectType(type)) return [`${def.name.value} is not an input`];
    const fields = type.getFields();
    if (
      Object.keys(fields).sort().join() !==
      def
        .fields!.map((f) => f.name.value)
        .sort()
        .join()
    )
      problems.push(`${def.name.value}: fields ${Object.keys(fields).join(" ")}`);
    if (!type.description) problems.push(`${def.name.value}: no description`);
    for (const f of def.fields!) {
      const actual = fields[f.name.value];
      if (!actual) continue;
      if (String(actual.type) !== print(f.type))
        problems.push(`${def.name.value}.${f.name.value}: ${String(actual.type)}`);
      const expectedDefault = defaultOf(f);
      if (JSON.stringify(actual.defaultValue) !== expectedDefault)
        problems.push(`${def.name.value}.${f.name.value}: default ${JSON.stringify(actual.defaultValue)}`);
      if (!actual.description) problems.push(`${def.name.value}.${f.name.value}: no description`);
    }
  } else if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
    const type = def.name.value === "Query" ? schema.getQueryType() : schema.getType(def.name.value);
    if (!isObjectType(type)) return [`${def.name.value} is not an object type`];
    const fields = type.getFields();
    if (def.name.value !== "Query") {
      if (
        Object.keys(fields).sort().join() !==
        def
          .fields!.map((f) => f.name.value)
          .sort()
          .join()
      )
        problems.push(`${def.name.value}: fields ${Object.keys(fields).join(" ")}`);
      if (!type.description) problems.push(`${def.name.value}: no description`);
    }
    for (const f of def.fields!) {
      const actual = fields[f.name.value];
      if (!actual) {
        problems.push(`${def.name.value}.${f.name.value}: missing`);
        continue;
      }
      if (String(actual.type) !== print(f.type))
        problems.push(`${def.name.value}.${f.name.value}: ${String(actual.type)}`);
      if (!actual.description) problems.push(`${def.name.value}.${f.name.value}: no description`);
      const args = f.arguments ?? [];
      if (JSON.stringify(actual.args.map((a) => a.name)) !== JSON.stringify(args.map((a) => a.name.value)))
        problems.push(`${def.name.value}.${f.name.value}: arguments ${actual.args.map((a) => a.name).join(" ")}`);
      for (const a of args) {
        const arg = actual.args.find((x) => x.name === a.name.value);
        if (!arg) continue;
        if (String(arg.type) !== print(a.type)) problems.push(`${f.name.value}(${a.name.value}): ${String(arg.type)}`);
        if (!arg.description) problems.push(`${f.name.value}(${a.name.value}): no description`);
      }
    }
  }
  return problems;
}

describe("programs' aggregates in the schema are the contract's", () => {
  it("every type, field, argument, value, nullability and default; a description on each", async () => {
    const schema = await buildProgramsSchema();
    const definitions = contractDefinitions();
    const names = definitions.map((d) => ("name" in d && d.name ? d.name.value : "?"));
    // The programs part of the contract: four aggregates, their enums, inputs and types.
    assert.equal(names.length, 26, names.join(" "));
    assert.ok(names.includes("ContributionAggregateOrder") && names.includes("HouseAggregate"));
    const query = definitions.find((d) => "name" in d && d.name?.value === "Query");
    assert.equal(query && "fields" in query ? query.fields?.length : 0, 4);
    assert.deepEqual(
      definitions.flatMap((d) => compare(schema, d)),
      [],
    );
  });

  it("shares UnitLevel with organisations as organisations declares it, and SortDirection as the kit registers it", async () => {
    const schema = await buildProgramsSchema();
    const level = schema.getType("UnitLevel");
    assert.ok(isEnumType(level));
    assert.deepEqual(
      level.getValues().map((v) => v.name),
      ["PROVINCE", "DISTRICT", "COMMUNE"],
    );
    const organisations = fs.readFileSync(path.join(repoRoot, "schema/organisations.graphql"), "utf8");
    assert.ok(organisations.includes(`"""\n${level.description}\n"""\nenum UnitLevel {`), "the same description");
    const direction = schema.getType("SortDirection");
    assert.ok(isEnumType(direction));
    assert.deepEqual(
      direction.getValues().map((v) => v.name),
      ["ASC", "DESC"],
    );
  });
});
