import "./telemetry.js";
import assert from "node:assert/strict";
import fs from "node:fs";
import { rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import vm from "node:vm";
import { after, before, describe, it } from "node:test";
import { catalogueKeys, hasMessage } from "@danvan/kit/i18n";
import { referenceUnits } from "@danvan/kit/units";
import express from "express";
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
import { AGGREGATE_ENUMS, AGGREGATES, MAX_DIMENSIONS, type AggregateSpec } from "./analyst-aggregates.js";
import {
  ANALYST_LOGIC_SCRIPT,
  buildAggregateRequest,
  cellOf,
  chartOf,
  controlOfPath,
  csvOf,
  LOGIC_FUNCTIONS,
  rankingOf,
  resultColumns,
  type AggregateChoice,
  type ModelAggregate,
} from "./analyst-logic.js";
import {
  aggregateKey,
  aggregateNoteKey,
  analystText,
  dimensionKey,
  enumValueKey,
  measureKey,
  scriptMessages,
} from "./analyst-messages.js";
import {
  ANALYST_ASSET_PATHS,
  ANALYST_CONTENT_SECURITY_POLICY,
  ANALYST_CSS,
  pageModel,
  renderAnalystPage,
} from "./analyst-page.js";
import { analystAssetFiles, analystRouter } from "./analyst-routes.js";
import { ANALYST_SCRIPT } from "./analyst-script.js";
import { loadConfig, repoRoot, type GatewayConfig } from "./config.js";
import { startGateway } from "./server.js";
import { TEST_IDENTITY_SECRET, TEST_TOKEN_SECRET, writeSupergraph } from "./testing/fake-subgraph.js";
import { startSubgraphs } from "./testing/two-subgraphs.js";

/** The attribute's value, HTML entities decoded (the page escapes with numeric entities). */
function attribute(html: string, name: string): string {
  const m = new RegExp(`${name}="([^"]*)"`).exec(html);
  assert.ok(m, name);
  return m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

/** Just what the page's routes read of the settings: a development gateway (with the IDE), or not. */
function pageConfig(development: boolean, ideEnabled = true): GatewayConfig {
  return {
    nodeEnv: development ? "development" : "test",
    ideEnabled,
    analystPageEnabled: true,
    token: {
      algorithms: ["HS256"],
      secret: TEST_TOKEN_SECRET,
      secretIsDevDefault: development,
      issuer: "danvan-dev",
      audience: "danvan-graph",
    },
  } as unknown as GatewayConfig;
}

const model = pageModel("vi");
const modelEn = pageModel("en");
const aggregate = (id: string, m = model): ModelAggregate => m.aggregates.find((a) => a.id === id)!;

/** Support by district and kind for 2019: the browser test's question. */
const SUPPORT_2019: AggregateChoice = {
  aggregate: "support",
  unitCode: "89",
  from: "2019-01-01",
  to: "2019-12-31",
  groupBy: ["DISTRICT", "KIND"],
  filter: {},
  orderBy: { by: "EVENTS", direction: "DESC" },
  first: 100,
};

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
  if (isObjectType(rowsType) && String(rowsType.getFields()["totalRows"]?.type) !== "Int!") out.push("totalRows");
  return out;
}

/** Questions on every aggregate that use every dimension, filter and argument the page can send. */
function everyQuestion(): { spec: AggregateSpec; choice: AggregateChoice }[] {
  const out: { spec: AggregateSpec; choice: AggregateChoice }[] = [];
  for (const spec of AGGREGATES) {
    const names = spec.dimensions.map((d) => d.name);
    const filter: Record<string, unknown> = {};
    for (const f of spec.filters) filter[f.field] = f.kind === "int" ? 2 : [AGGREGATE_ENUMS[f.enumType][0]];
    for (let i = 0; i < names.length; i += MAX_DIMENSIONS) {
      out.push({
        spec,
        choice: {
          aggregate: spec.id,
          unitCode: "883",
          year: 2019,
          from: "2019-01-01",
          to: "2019-06-30",
          asOf: "2019-12-31",
          groupBy: names.slice(i, i + MAX_DIMENSIONS),
          filter,
          orderBy: { by: spec.measures.at(-1)!.name, direction: "ASC" },
          first: 1000,
        },
      });
    }
  }
  return out;
}

/** The faults of the page's request in `schema`: the document's, then the variables'. */
function requestFaults(schema: GraphQLSchema, spec: AggregateSpec, choice: AggregateChoice): string[] {
  const request = buildAggregateRequest(aggregate(spec.id), choice);
  const document = parse(request.query);
  const faults = validate(schema, document).map((e) => e.message);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  return [...faults, ...(coerced.errors ?? []).map((e) => e.message)];
}

describe("the analyst page's questions follow the graph contract", () => {
  const contract = contractSchema();

  it("knows every aggregate of the contract, with its period, dimensions, measures and filters", () => {
    for (const spec of AGGREGATES) {
      assert.deepEqual(differences(contract, spec), [], spec.field);
    }
    const contractFields = Object.keys(contract.getQueryType()!.getFields()).sort();
    assert.deepEqual(contractFields, AGGREGATES.map((a) => a.field).sort());
  });

  it("sends documents and variables the contract accepts, for every dimension and filter", () => {
    for (const { spec, choice } of everyQuestion()) {
      assert.deepEqual(requestFaults(contract, spec, choice), [], `${spec.field} by ${choice.groupBy.join(", ")}`);
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

describe("the analyst page's logic", () => {
  it("builds one named query with a variable per argument, places as { code name }", () => {
    const request = buildAggregateRequest(aggregate("support"), SUPPORT_2019);
    assert.equal(request.operationName, "SupportAggregate");
    assert.equal(
      request.query,
      `query SupportAggregate($unitCode: ID!, $from: Date!, $to: Date!, $groupBy: [SupportDimension!]!, $orderBy: [SupportAggregateOrder!], $first: Int) {
  supportAggregate(unitCode: $unitCode, from: $from, to: $to, groupBy: $groupBy, orderBy: $orderBy, first: $first) {
    rows {
      district {
        code
        name
      }
      kind
      events
      amountVnd
    }
    totalRows
  }
}
`,
    );
    assert.deepEqual(request.variables, {
      unitCode: "89",
      from: "2019-01-01",
      to: "2019-12-31",
      groupBy: ["DISTRICT", "KIND"],
      orderBy: [{ by: "EVENTS", direction: "DESC" }],
      first: 100,
    });
  });

  it("sends a year to households, an optional period to houses and asOf to members, filters only when set", () => {
    const households = buildAggregateRequest(aggregate("households"), {
      aggregate: "households",
      unitCode: "883",
      year: 2019,
      groupBy: ["COMMUNE", "MEMBER_COUNT"],
      filter: { povertyStatuses: ["POOR"], areas: [], memberCountMin: 3, memberCountMax: null },
      first: null,
    });
    assert.match(
      households.query,
      /^query HouseholdAggregate\(\$unitCode: ID!, \$year: Int!, \$groupBy: \[HouseholdDimension!\]!, \$filter: HouseholdAggregateFilter\)/,
    );
    assert.deepEqual(households.variables, {
      unitCode: "883",
      year: 2019,
      groupBy: ["COMMUNE", "MEMBER_COUNT"],
      filter: { povertyStatuses: ["POOR"], memberCountMin: 3 },
    });
    const houses = buildAggregateRequest(aggregate("houses"), {
      aggregate: "houses",
      unitCode: "89",
      from: null,
      to: "2015-12-31",
      groupBy: ["YEAR"],
      filter: {},
    });
    assert.deepEqual(houses.variables, { unitCode: "89", to: "2015-12-31", groupBy: ["YEAR"] });
    assert.match(houses.query, /houseAggregate\(unitCode: \$unitCode, to: \$to, groupBy: \$groupBy\)/);
    const members = buildAggregateRequest(aggregate("members"), {
      aggregate: "members",
      unitCode: "89",
      asOf: "2019-12-31",
      groupBy: ["AGE_BAND"],
      filter: { genders: ["FEMALE"] },
    });
    assert.deepEqual(members.variables, {
      unitCode: "89",
      asOf: "2019-12-31",
      groupBy: ["AGE_BAND"],
      filter: { genders: ["FEMALE"] },
    });
    assert.match(members.query, /ageBand\n\s+members\n\s+suppressed\n/);
  });

  const rows = [
    { district: { code: "883", name: "Thành phố Long Xuyên" }, kind: "TET_GIFT", events: 120, amountVnd: 60000000 },
    { district: { code: "884", name: "Thành phố Châu Đốc" }, kind: "TET_GIFT", events: 80, amountVnd: "40000000" },
    { district: { code: "883", name: "Thành phố Long Xuyên" }, kind: "STUDY", events: 30, amountVnd: 15000000 },
  ];

  it("writes the table's columns and cells in the page's language, a place as its code and its name", () => {
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    assert.deepEqual(
      columns.map((c) => c.label),
      ["Huyện, thị xã, thành phố (mã)", "Huyện, thị xã, thành phố", "Loại", "Số lượt hỗ trợ", "Số tiền (đồng)"],
    );
    assert.deepEqual(
      columns.map((c) => cellOf(rows[0]!, c, model).text),
      ["883", "Thành phố Long Xuyên", "quà Tết", "120", "60000000"],
    );
    const en = resultColumns(aggregate("support", modelEn), ["KIND"], modelEn.words);
    assert.equal(cellOf(rows[2]!, en[0]!, modelEn).text, "study");
  });

  it("downloads the table as CSV: a byte-order mark, CRLF, full digits, quoted when needed", () => {
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    const csv = csvOf(columns, [...rows, { ...rows[0]!, district: { code: "1", name: 'Xã "A", B' } }], model);
    assert.ok(csv.startsWith("\uFEFF"));
    assert.deepEqual(csv.slice(1).split("\r\n"), [
      '"Huyện, thị xã, thành phố (mã)","Huyện, thị xã, thành phố",Loại,Số lượt hỗ trợ,Số tiền (đồng)',
      "883,Thành phố Long Xuyên,quà Tết,120,60000000",
      "884,Thành phố Châu Đốc,quà Tết,80,40000000",
      "883,Thành phố Long Xuyên,học tập,30,15000000",
      '1,"Xã ""A"", B",quà Tết,120,60000000',
      "",
    ]);
  });

  it("marks suppressed rows, leaves their measures empty, and reads on-time as words", () => {
    const petitions = aggregate("petitions");
    const columns = resultColumns(petitions, ["KIND", "ON_TIME"], model.words);
    assert.deepEqual(columns.at(-1), {
      id: "suppressed",
      label: "Bị ẩn (dưới 5)",
      source: "suppressed",
      field: "suppressed",
      kind: "suppressed",
    });
    const hidden = { kind: "DENUNCIATION", onTime: null, received: null, resolved: null, suppressed: true };
    assert.deepEqual(
      columns.map((c) => cellOf(hidden, c, model).text),
      ["tố cáo", "chưa giải quyết", "", "", "", "", "", "có"],
    );
    const csv = csvOf(columns, [hidden], model);
    assert.equal(csv.split("\r\n")[1], "tố cáo,chưa giải quyết,,,,,,có");
  });

  it("charts one dimension as bars in the rows' order, and time as lines, one series per other dimension", () => {
    const support = aggregate("support");
    const bars = chartOf(support, ["DISTRICT"], rows.slice(0, 2), "events", model, 12);
    assert.deepEqual(bars, {
      type: "bar",
      labels: ["Thành phố Long Xuyên", "Thành phố Châu Đốc"],
      datasets: [{ label: "Số lượt hỗ trợ", data: [120, 80] }],
      omittedSeries: 0,
    });
    const monthly = [
      { month: "2019-02", kind: "TET_GIFT", events: 5, amountVnd: 1 },
      { month: "2019-01", kind: "TET_GIFT", events: 7, amountVnd: 1 },
      { month: "2019-01", kind: "STUDY", events: 2, amountVnd: "900" },
    ];
    const lines = chartOf(support, ["KIND", "MONTH"], monthly, "amountVnd", model, 12);
    assert.equal(lines.type, "line");
    assert.deepEqual(lines.labels, ["2019-01", "2019-02"]);
    assert.deepEqual(lines.datasets, [
      { label: "học tập", data: [900, null] },
      { label: "quà Tết", data: [1, 1] },
    ]);
    assert.equal(chartOf(support, ["KIND", "MONTH"], monthly, "events", model, 1).omittedSeries, 1);
    // Two communes of one name stay two bars, told apart by their codes.
    const twins = [
      { commune: { code: "30301", name: "Xã Mỹ Hòa" }, events: 4, amountVnd: 1 },
      { commune: { code: "30777", name: "Xã Mỹ Hòa" }, events: 6, amountVnd: 1 },
      { commune: { code: "30280", name: "Phường Mỹ Bình" }, events: 1, amountVnd: 1 },
    ];
    assert.deepEqual(chartOf(support, ["COMMUNE"], twins, "events", model, 12).labels, [
      "Xã Mỹ Hòa (30301)",
      "Xã Mỹ Hòa (30777)",
      "Phường Mỹ Bình",
    ]);
    assert.deepEqual(chartOf(support, ["COMMUNE"], twins, "events", model, 12).datasets[0]!.data, [4, 6, 1]);
  });

  it("ranks units by the measure, summed over the other dimensions; a median ranks each row", () => {
    const ranking = rankingOf(aggregate("support"), ["DISTRICT", "KIND"], rows, "events", model);
    assert.deepEqual(ranking, {
      dimension: "DISTRICT",
      entries: [
        { code: "883", name: "Thành phố Long Xuyên", value: 150, detail: "" },
        { code: "884", name: "Thành phố Châu Đốc", value: 80, detail: "" },
      ],
      withoutValue: 0,
    });
    assert.equal(rankingOf(aggregate("support"), ["KIND"], rows, "events", model), null);
    const petitions = aggregate("petitions");
    const median = rankingOf(
      petitions,
      ["DISTRICT", "COMMUNE", "KIND"],
      [
        {
          district: { code: "883" },
          commune: { code: "30280", name: "Phường Mỹ Bình" },
          kind: "COMPLAINT",
          medianDaysToResolve: 12.5,
        },
        {
          district: { code: "883" },
          commune: { code: "30280", name: "Phường Mỹ Bình" },
          kind: "REFLECTION",
          medianDaysToResolve: 20,
        },
        {
          district: { code: "883" },
          commune: { code: "30283", name: "Phường Mỹ Long" },
          kind: "COMPLAINT",
          medianDaysToResolve: null,
        },
      ],
      "medianDaysToResolve",
      model,
    );
    assert.deepEqual(median, {
      dimension: "COMMUNE",
      entries: [
        { code: "30280", name: "Phường Mỹ Bình", value: 20, detail: "phản ánh" },
        { code: "30280", name: "Phường Mỹ Bình", value: 12.5, detail: "khiếu nại" },
      ],
      withoutValue: 1,
    });
  });

  it("finds the page's control an input fault names", () => {
    const cases: [string, string | null][] = [
      ["unitCode", "unit"],
      ["year", "year"],
      ["from", "from"],
      ["asOf", "as-of"],
      ["groupBy", "dim-1"],
      ["groupBy.2", "dim-3"],
      ["filter.kinds.0", "filter-kinds"],
      ["filter.memberCountMin", "filter-memberCountMin"],
      ["orderBy.0.by", "sort"],
      ["orderBy.0.direction", "direction"],
      ["first", "first"],
      ["input.other", null],
    ];
    for (const [p, control] of cases) assert.equal(controlOfPath(p), control, p);
  });

  it("serves the same functions to the browser, which run alone in a bare VM and answer the same", () => {
    const context = vm.createContext({});
    vm.runInContext(ANALYST_LOGIC_SCRIPT, context);
    const logic = (context as { AnalystLogic: Record<string, (...args: unknown[]) => unknown> }).AnalystLogic;
    assert.deepEqual(Object.keys(logic).sort(), LOGIC_FUNCTIONS.map((f) => f.name).sort());
    // Through JSON: the VM's objects and arrays are another realm's.
    const same = (a: unknown, b: unknown) =>
      assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
    for (const { spec, choice } of everyQuestion()) {
      same(logic.buildAggregateRequest!(aggregate(spec.id), choice), buildAggregateRequest(aggregate(spec.id), choice));
    }
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    same(logic.resultColumns!(aggregate("support"), ["DISTRICT", "KIND"], model.words), columns);
    assert.equal(logic.csvOf!(columns, rows, model), csvOf(columns, rows, model));
    same(
      logic.chartOf!(aggregate("support"), ["KIND"], rows, "events", model, 12),
      chartOf(aggregate("support"), ["KIND"], rows, "events", model, 12),
    );
    same(
      logic.rankingOf!(aggregate("support"), ["DISTRICT"], rows, "amountVnd", model),
      rankingOf(aggregate("support"), ["DISTRICT"], rows, "amountVnd", model),
    );
    assert.equal(logic.controlOfPath!("groupBy.1"), "dim-2");
  });
});

describe("the analyst page", () => {
  const html = renderAnalystPage({ endpoint: "/graphql", devTokensPath: "/ide/dev-tokens", idePath: "/graphql" });

  it("loads only the gateway's own files: no absolute URL, no inline script, style or handler", () => {
    for (const text of [html, ANALYST_SCRIPT, ANALYST_LOGIC_SCRIPT, ANALYST_CSS])
      assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]/i);
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(srcs.sort(), [...ANALYST_ASSET_PATHS, "/analyst?lang=en", "/graphql"].sort());
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handler");
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /style-src 'self'(;|$)/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(ANALYST_CONTENT_SECURITY_POLICY, /unsafe|\*/);
  });

  it("offers the six aggregates, every reference unit (the province chosen), 4 dimensions and the caller", () => {
    const menu = /<select id="aggregate"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    assert.deepEqual(
      [...menu.matchAll(/value="(\w+)"/g)].map((m) => m[1]),
      ["households", "support", "contributions", "houses", "petitions", "members"],
    );
    const units = /<select id="unit"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    assert.equal([...units.matchAll(/<option /g)].length, referenceUnits.length);
    assert.match(units, /<option value="89" data-level="PROVINCE" selected>89 · Tỉnh An Giang<\/option>/);
    for (let i = 1; i <= MAX_DIMENSIONS; i++) assert.match(html, new RegExp(`<select id="dim-${i}"`));
    assert.doesNotMatch(html, /id="dim-5"/);
    assert.match(html, /data-dev-tokens="\/ide\/dev-tokens"/);
    assert.match(html, /<select id="role"/);
    const plain = renderAnalystPage({ endpoint: "/graphql" });
    assert.doesNotMatch(plain, /data-dev-tokens|id="role"|id="ide-link"/);
    assert.match(plain, /<input id="token"/);
  });

  it("is Vietnamese by default and English with lang=en, its link keeping the rest of the URL", () => {
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<title>Đồ thị Dân vận · Trang phân tích<\/title>/);
    assert.match(html, /<a id="lang-switch" href="\/analyst\?lang=en" lang="en" hreflang="en"[^>]*>English<\/a>/);
    assert.match(html, /<button id="download-csv" type="button">Tải CSV<\/button>/);
    const en = renderAnalystPage({ endpoint: "/graphql", language: "en", search: "x=1&lang=en", idePath: "/graphql" });
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<button id="copy-query" type="button">Copy the query<\/button>/);
    assert.match(en, /href="\/analyst\?x=1" lang="vi" hreflang="vi"[^>]*>Tiếng Việt<\/a>/);
    assert.match(en, /<a id="ide-link" href="\/graphql\?lang=en">/);
  });

  it("gives its script the aggregates and its lines in the page's language, none hard-coded", () => {
    for (const language of ["vi", "en"] as const) {
      const page = renderAnalystPage({ endpoint: "/graphql", language });
      assert.deepEqual(JSON.parse(attribute(page, "data-model")), pageModel(language));
      assert.deepEqual(JSON.parse(attribute(page, "data-messages")), scriptMessages(language));
    }
    for (const english of [...Object.values(scriptMessages("en")), ...JSON.stringify(modelEn).split('"')]) {
      const fixed = english.split(/\{\w+\}/).find((part) => /\w+ \w+/.test(part.trim()));
      if (fixed) assert.ok(!ANALYST_SCRIPT.includes(fixed), `the script hard-codes "${fixed}"`);
    }
    assert.equal(scriptMessages("vi").resultRows, "{rows} trên tổng số {total} dòng.");
  });

  it("has every word in both languages, translated: aggregates, dimensions, measures and values", () => {
    const en = catalogueKeys("analyst", "en").sort();
    assert.deepEqual(catalogueKeys("analyst", "vi").sort(), en);
    const same = new Set(["errCode"]);
    for (const key of en) {
      if (same.has(key)) continue;
      assert.notEqual(analystText(key as never, "vi"), analystText(key as never, "en"), key);
    }
    const keys = [
      ...AGGREGATES.flatMap((a) => [
        aggregateKey(a.id),
        aggregateNoteKey(a.id),
        ...a.dimensions.map((d) => dimensionKey(d.field)),
        ...a.measures.map((m) => measureKey(m.field)),
      ]),
      ...Object.entries(AGGREGATE_ENUMS).flatMap(([type, values]) => values.map((v) => enumValueKey(type, v))),
    ];
    for (const key of keys) assert.ok(hasMessage(`analyst:${key}`), key);
    for (const a of model.aggregates) {
      for (const f of a.filters) assert.ok(f.label && !f.label.startsWith("dim"), `${a.id}.${f.field}`);
    }
  });

  it("ships scripts that parse", () => {
    assert.doesNotThrow(() => new vm.Script(ANALYST_SCRIPT));
    assert.doesNotThrow(() => new vm.Script(ANALYST_LOGIC_SCRIPT));
  });

  it("finds Chart.js's UMD build in node_modules", () => {
    const files = analystAssetFiles();
    assert.deepEqual(Object.keys(files), ["chart.umd.js"]);
    const head = fs.readFileSync(files["chart.umd.js"]!, "utf8").slice(0, 200);
    assert.match(head, /Chart\.js v4\./);
  });
});

describe("the analyst page's routes", () => {
  let base: string;
  let close: () => Promise<void>;

  before(async () => {
    const app = express();
    app.use("/analyst", analystRouter(pageConfig(true), "/graphql"));
    app.use("/plain/analyst", analystRouter(pageConfig(false, false), "/graphql"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  it("serves the page with its CSP, in Vietnamese, in English with ?lang=en", async () => {
    for (const url of [`${base}/analyst`, `${base}/analyst/`]) {
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get("content-security-policy"), ANALYST_CONTENT_SECURITY_POLICY);
      assert.equal(res.headers.get("content-language"), "vi");
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/);
      assert.match(await res.text(), /<html lang="vi">[\s\S]*data-dev-tokens="\/ide\/dev-tokens"/);
    }
    const en = await fetch(`${base}/analyst?lang=en`);
    assert.equal(en.headers.get("content-language"), "en");
    assert.match(await en.text(), /<html lang="en">/);
    const plain = await (await fetch(`${base}/plain/analyst`)).text();
    assert.doesNotMatch(plain, /data-dev-tokens|id="ide-link"/, "no development tokens, no IDE link");
  });

  it("serves its style sheet, its scripts and Chart.js with their types", async () => {
    const types: Record<string, RegExp> = {
      "/analyst/analyst.css": /^text\/css/,
      "/analyst/analyst.js": /^text\/javascript/,
      "/analyst/analyst-logic.js": /^text\/javascript/,
      "/analyst/chart.umd.js": /javascript/,
    };
    for (const asset of ANALYST_ASSET_PATHS) {
      const res = await fetch(`${base}${asset}`);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get("content-type") ?? "", types[asset]!, asset);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.ok((await res.text()).length > 1000, asset);
    }
  });
});

describe("the analyst page in the gateway (ANALYST_PAGE_ENABLED)", () => {
  it("is on outside production and off in production by default", () => {
    const base = { IDENTITY_SECRET: TEST_IDENTITY_SECRET, JWT_SECRET: TEST_TOKEN_SECRET };
    assert.equal(loadConfig({ ...base, NODE_ENV: "test" }).analystPageEnabled, true);
    assert.equal(loadConfig({ ...base, NODE_ENV: "production" }).analystPageEnabled, false);
    const asked = loadConfig({ ...base, NODE_ENV: "production", ANALYST_PAGE_ENABLED: "true" });
    assert.equal(asked.analystPageEnabled, true);
    assert.equal(asked.ideEnabled, false, "the IDE stays off");
    assert.equal(loadConfig({ ...base, NODE_ENV: "test", ANALYST_PAGE_ENABLED: "no" }).analystPageEnabled, false);
  });

  it("is served at /analyst when enabled, and is a 404 when not", async () => {
    const subgraphs = await startSubgraphs();
    const supergraph = await writeSupergraph(subgraphs);
    const env = {
      NODE_ENV: "test",
      PORT: "0",
      SUPERGRAPH_PATH: supergraph,
      IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      JWT_SECRET: TEST_TOKEN_SECRET,
      LOG_LEVEL: "silent",
    };
    const on = await startGateway(loadConfig(env));
    const off = await startGateway(loadConfig({ ...env, ANALYST_PAGE_ENABLED: "false" }));
    try {
      const origin = (url: string) => url.replace(/\/graphql$/, "");
      const page = await fetch(`${origin(on.url)}/analyst`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get("content-security-policy"), ANALYST_CONTENT_SECURITY_POLICY);
      assert.match(await page.text(), /data-endpoint="\/graphql"/);
      assert.equal((await fetch(`${origin(on.url)}/analyst/chart.umd.js`)).status, 200);
      assert.equal((await fetch(`${origin(off.url)}/analyst`)).status, 404);
      assert.equal((await fetch(`${origin(off.url)}/analyst/analyst.js`)).status, 404);
    } finally {
      await on.stop();
      await off.stop();
      await Promise.all(subgraphs.map((s) => s.close()));
      await rm(path.dirname(supergraph), { recursive: true, force: true });
    }
  });
});
