import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import {
  buildSchema,
  getNamedType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isObjectType,
  parse,
  printType,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { AGGREGATE_ENUMS, AGGREGATES, type AggregateSpec } from "./analyst-aggregates.js";
import { buildAggregateRequest, type AggregateChoice } from "./analyst-question.js";
import { repoRoot } from "./config.js";
import { aggregate, everyQuestion } from "./testing/analyst-questions.js";

// ---- The contract's aggregates as a schema (docs/graph-contract.md), and the composed supergraph.

const PREFIXES = AGGREGATES.map((a) => a.prefix);

/** The supergraph's schema (its join directives are defined in it). */
function supergraphSchema(): GraphQLSchema {
  const sdl = fs.readFileSync(path.join(repoRoot, "schema", "supergraph.graphql"), "utf8");
  return buildSchema(sdl, { assumeValidSDL: true });
}

/**
 * The section "Analysts' grouped aggregates (issue 18)" of docs/graph-contract.md as a schema:
 * its block with comments dropped, its root fields gathered into Query, the types it names by
 * rule only (`<Fact>AggregateOrder`, `<Fact>Aggregate`) written out, and the enums it takes
 * from the rest of the graph copied from the supergraph.
 */
function contractSchema(): GraphQLSchema {
  const md = fs.readFileSync(path.join(repoRoot, "docs", "graph-contract.md"), "utf8");
  const section = md.slice(md.indexOf("## Analysts' grouped aggregates (issue 18)"));
  const block = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, "the contract's aggregates block");
  const types: string[] = [];
  const roots: string[] = [];
  let inRoot = false;
  for (const raw of block.split("\n")) {
    const line = raw.replace(/#.*$/, "");
    if (!inRoot && /^[a-z]\w*\(/.test(line)) inRoot = true;
    (inRoot ? roots : types).push(line);
    if (inRoot && /\)\s*:\s*\w+\s*$/.test(line)) inRoot = false;
  }
  let sdl = types.join("\n");
  const defined = (name: string) => new RegExp(`\\b(type|input|enum|scalar) ${name}\\b`).test(sdl);
  for (const p of PREFIXES) {
    if (!defined(`${p}AggregateOrder`))
      sdl += `\ninput ${p}AggregateOrder { by: ${p}AggregateField! direction: SortDirection = DESC }`;
    if (!defined(`${p}Aggregate`)) sdl += `\ntype ${p}Aggregate { rows: [${p}AggregateRow!]! totalRows: Int! }`;
  }
  sdl += "\nscalar Date\nscalar BigInt\ntype AdministrativeUnit { code: ID! name: String! }";
  const graph = supergraphSchema();
  // The map and the coverage (issue 27) are defined in the contract's first section, as in the graph.
  for (const name of ["UnitMap", "FigureCoverage"]) {
    if (!defined(name) && new RegExp(`\\b${name}\\b`).test(block)) sdl += `\n${printType(graph.getType(name)!)}`;
  }
  for (const name of Object.keys(AGGREGATE_ENUMS)) {
    if (defined(name)) continue;
    const type = graph.getType(name);
    assert.ok(type && isEnumType(type), `${name} is an enum of the graph`);
    sdl += `\n${printType(type)}`;
  }
  sdl += `\ntype Query {\n${roots.join("\n")}\n}`;
  return buildSchema(sdl);
}

/** How the page reads a dimension's and a measure's type, as `String(type)` prints it (nullable or not). */
const DIMENSION_TYPES = { place: "AdministrativeUnit", time: "String", int: "Int", boolean: "Boolean" } as const;
const MEASURE_TYPES = { count: "Int", money: "BigInt", days: "Float" } as const;

/** Where the aggregate `a` of `schema` differs from the page's table; undefined when the schema lacks it. */
function differences(schema: GraphQLSchema, a: AggregateSpec): string[] | undefined {
  const field = schema.getQueryType()?.getFields()[a.field];
  if (!field) return undefined;
  const out: string[] = [];
  const args = Object.fromEntries(field.args.map((x) => [x.name, String(x.type)]));
  const periods: Record<AggregateSpec["period"], Record<string, string>> = {
    year: { year: "Int!" },
    range: { from: "Date!", to: "Date!" },
    optionalRange: { from: "Date", to: "Date" },
    asOf: { asOf: "Date" },
  };
  const period = periods[a.period];
  const expected: Record<string, string> = {
    unitCode: "ID!",
    ...period,
    groupBy: `[${a.prefix}Dimension!]!`,
    filter: `${a.prefix}AggregateFilter`,
    orderBy: `[${a.prefix}AggregateOrder!]`,
    first: "Int",
  };
  for (const [name, type] of Object.entries(expected)) {
    if (args[name] !== type) out.push(`${a.field}(${name}: ${args[name]}), the page sends ${type}`);
  }
  const values = (name: string) => {
    const type = schema.getType(name);
    return type && isEnumType(type)
      ? type
          .getValues()
          .map((v) => v.name)
          .sort()
      : [];
  };
  const dims = a.dimensions.map((d) => d.name);
  const measures = a.measures.map((m) => m.name);
  if (values(`${a.prefix}Dimension`).join() !== [...dims].sort().join()) out.push(`${a.prefix}Dimension's values`);
  if (values(`${a.prefix}AggregateField`).join() !== [...dims, ...measures].sort().join())
    out.push(`${a.prefix}AggregateField's values`);
  const filter = schema.getType(`${a.prefix}AggregateFilter`);
  const filterFields = filter && isInputObjectType(filter) ? filter.getFields() : {};
  if (
    Object.keys(filterFields).sort().join() !==
    a.filters
      .map((f) => f.field)
      .sort()
      .join()
  )
    out.push(`${a.prefix}AggregateFilter's fields`);
  for (const f of a.filters) {
    const type = String(filterFields[f.field]?.type);
    if (type !== (f.kind === "int" ? "Int" : `[${f.enumType}!]`)) out.push(`filter.${f.field}: ${type}`);
  }
  const rowsType = getNamedType(field.type);
  const rowsField = isObjectType(rowsType) ? rowsType.getFields()["rows"] : undefined;
  const row = rowsField ? getNamedType(rowsField.type) : undefined;
  const rowFields = row && isObjectType(row) ? row.getFields() : {};
  for (const d of a.dimensions) {
    const want = d.kind === "enum" ? d.enumType! : DIMENSION_TYPES[d.kind];
    if (String(rowFields[d.field]?.type).replace(/!$/, "") !== want) out.push(`rows.${d.field}`);
  }
  for (const m of a.measures) {
    if (String(rowFields[m.field]?.type).replace(/!$/, "") !== MEASURE_TYPES[m.kind]) out.push(`rows.${m.field}`);
  }
  if (a.suppressed !== "suppressed" in rowFields) out.push("rows.suppressed");
  if (a.map !== (args["map"] !== undefined))
    out.push(`${a.field}(map: ${args["map"]}), the page ${a.map ? "sends" : "does not send"} it`);
  if (a.map && args["map"] !== undefined && args["map"] !== "UnitMap") out.push(`${a.field}(map: ${args["map"]})`);
  const coverage = isObjectType(rowsType) ? rowsType.getFields()["coverage"] : undefined;
  if (a.coverage !== (coverage !== undefined)) out.push(`${a.field}'s coverage`);
  if (coverage && String(coverage.type) !== "FigureCoverage!") out.push(`coverage: ${String(coverage.type)}`);
  if (isObjectType(rowsType) && String(rowsType.getFields()["totalRows"]?.type) !== "Int!") out.push("totalRows");
  return out;
}

/**
 * What `schema` knows of the map and the coverage (issue 27) of the aggregate `spec`: the spec as
 * far as the schema takes `map` and answers `coverage` (the page's spec never has them where the
 * schema does not: `differences` says so).
 */
function asFarAs(schema: GraphQLSchema, spec: AggregateSpec): AggregateSpec {
  const field = schema.getQueryType()?.getFields()[spec.field];
  const rowsType = field ? getNamedType(field.type) : undefined;
  const takesMap = field?.args.some((x) => x.name === "map") ?? false;
  const hasCoverage = isObjectType(rowsType) && "coverage" in rowsType.getFields();
  return { ...spec, map: spec.map && takesMap, coverage: spec.coverage && hasCoverage };
}

/** The faults of the page's request in `schema`: the document's, then the variables'. */
function requestFaults(schema: GraphQLSchema, spec: AggregateSpec, choice: AggregateChoice): string[] {
  const request = buildAggregateRequest({ ...aggregate(spec.id), map: spec.map, coverage: spec.coverage }, choice);
  const document = parse(request.query);
  const faults = validate(schema, document).map((e) => e.message);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  return [...faults, ...(coerced.errors ?? []).map((e) => e.message)];
}

describe("the analyst page's questions follow the graph contract", () => {
  const contract = contractSchema();

  it("knows every aggregate of the contract, with its period, dimensions, measures and filters", (t) => {
    const before27: string[] = [];
    for (const spec of AGGREGATES) {
      const known = asFarAs(contract, spec);
      if (known.map !== spec.map || known.coverage !== spec.coverage) before27.push(spec.field);
      assert.deepEqual(differences(contract, known), [], spec.field);
    }
    // The supergraph's test below holds the page to the map and the coverage wherever the graph has them.
    if (before27.length) t.diagnostic(`the contract's section names no map or coverage for: ${before27.join(", ")}`);
    const contractFields = Object.keys(contract.getQueryType()!.getFields()).sort();
    assert.deepEqual(contractFields, AGGREGATES.map((a) => a.field).sort());
  });

  it("sends documents and variables the contract accepts, for every dimension and filter", () => {
    for (const { spec, choice } of everyQuestion()) {
      const known = asFarAs(contract, spec);
      assert.deepEqual(requestFaults(contract, known, choice), [], `${spec.field} by ${choice.groupBy.join(", ")}`);
    }
  });

  it("agrees with the composed supergraph on every aggregate it has (the others are not composed yet)", (t) => {
    const graph = supergraphSchema();
    const missing: string[] = [];
    for (const spec of AGGREGATES) {
      const found = differences(graph, spec);
      if (found === undefined) {
        missing.push(spec.field);
        continue;
      }
      assert.deepEqual(found, [], spec.field);
      for (const { choice } of everyQuestion().filter((q) => q.spec === spec)) {
        assert.deepEqual(requestFaults(graph, spec, choice), [], `${spec.field} by ${choice.groupBy.join(", ")}`);
      }
    }
    for (const [name, values] of Object.entries(AGGREGATE_ENUMS)) {
      const type = graph.getType(name);
      if (!type) continue;
      assert.ok(isEnumType(type), name);
      assert.deepEqual(
        type.getValues().map((v) => v.name),
        [...values],
        name,
      );
    }
    if (missing.length) t.diagnostic(`not in schema/supergraph.graphql yet: ${missing.join(", ")}`);
  });
});
