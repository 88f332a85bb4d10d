import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSchema, getIntrospectionQuery, parse, print } from "graphql";
import { ANONYMOUS } from "@danvan/kit/identity";
import {
  audienceOf,
  BudgetChecker,
  checkBudget,
  DEFAULT_BUDGETS,
  tokenLimitAsTooComplex,
  type Budget,
} from "./limits.js";
import { loadConfig } from "./config.js";

const schema = buildSchema(`
  type Member { id: ID! name: String }
  type MemberEdge { node: Member! }
  type MemberConnection { totalCount: Int! edges: [MemberEdge!]! }
  type Stats { poor: Int! }
  type Unit {
    code: ID!
    parent: Unit
    children: [Unit!]!
    members(first: Int): MemberConnection!
    povertyStatistics: Stats!
  }
  type Query { unit(code: ID!): Unit units: [Unit!]! }
`);
const budget: Budget = { depth: 5, aliases: 3, directives: 2, cost: 1_000 };
const check = (q: string, b = budget, variables = {}) => checkBudget(schema, parse(q), b, variables);

describe("query limits", () => {
  it("measures depth, aliases and directives against the budget", () => {
    assert.equal(check(`{ unit(code: "89") { parent { parent { code } } } }`), null);
    assert.deepEqual(check(`{ unit(code: "89") { parent { parent { parent { parent { parent { code } } } } } } }`), {
      limit: "depth",
      max: 5,
      actual: 7,
    });
    assert.equal(
      check(`{ a: unit(code: "1") { code } b: unit(code: "2") { code } c: unit(code: "3") { code } }`),
      null,
    );
    assert.deepEqual(
      check(
        `{ a: unit(code: "1") { code } b: unit(code: "2") { code } c: unit(code: "3") { code } d: unit(code: "4") { code } }`,
      ),
      {
        limit: "aliases",
        max: 3,
        actual: 4,
      },
    );
    assert.deepEqual(
      check(`{ unit(code: "1") @include(if: true) { code @skip(if: false) parent @include(if: true) { code } } }`),
      {
        limit: "directives",
        max: 2,
        actual: 3,
      },
    );
  });

  it("prices lists by `first` (else 20), counts a connection's edges once and weighs aggregates", () => {
    // units: 1 + 20 × (1 code + 1 members + 100 × (1 + 1 totalCount...)) — one list of 20 units, 100 members each.
    const q = (first: string) =>
      `query($n: Int) { units { code members(first: ${first}) { edges { node { id name } } } } }`;
    const small = check(q("$n"), { ...budget, cost: 1e9 }, { n: 1 });
    assert.equal(small, null);
    const big = check(q("$n"), budget, { n: 100 });
    assert.equal(big?.limit, "cost");
    // 1 (units) + 20 × (1 code + 1 + 100 × (1 edges + 1 × (1 node + 2)))
    assert.equal(big?.actual, 1 + 20 * (1 + 1 + 100 * (1 + 1 * (1 + 2))));
    const stats = check(`{ unit(code: "89") { povertyStatistics { poor } } }`, { ...budget, cost: 11 });
    assert.deepEqual(stats, { limit: "cost", max: 11, actual: 1 + (10 + 1) });
  });

  it("remembers answers per document and what of the variables can change them, and agrees with checkBudget", () => {
    const budgets = { public: budget, officer: { ...budget, cost: 50 }, analyst: budget, admin: budget };
    const checker = new BudgetChecker(budgets);
    const doc = parse(
      `query Units($first: Int, $after: ID!, $deep: Boolean!) {
        unit(code: $after) { members(first: $first) { totalCount } children @include(if: $deep) { members(first: $first) { totalCount } } }
      }`,
    );
    const cases: [keyof typeof budgets, Record<string, unknown>][] = [
      ["public", { first: 5, after: "a", deep: false }],
      ["public", { first: 5, after: "b", deep: false }], // another cursor: the same answer, remembered
      ["public", { first: 5, after: "c", deep: false }],
      ["public", { first: 100, after: "a", deep: false }], // another size: computed
      ["public", { first: 100, after: "a", deep: true }], // the directive switched: computed
      ["public", { after: "a", deep: true }], // no size: 20
      ["public", { first: "100", after: "a", deep: true }], // a string for an Int: not taken for "no size"
      ["officer", { first: 100, after: "a", deep: true }], // another budget
    ];
    const answers = cases.map(([audience, variables]) => {
      const answer = checker.check(schema, doc, audience, variables, "Units");
      assert.deepEqual(
        answer,
        checkBudget(schema, doc, budgets[audience], variables, "Units"),
        JSON.stringify([audience, variables]),
      );
      return answer;
    });
    assert.ok(answers.some((a) => a === null) && answers.some((a) => a?.limit === "cost"), "both answers occur");
    assert.deepEqual(checker.stats, { hits: 2, misses: 6 });
    // The same text parsed again is another document: computed once more (Apollo reuses its parse).
    checker.check(schema, parse(print(doc)), "public", { first: 5, after: "z", deep: false }, "Units");
    assert.equal(checker.stats.misses, 7);
  });

  it("leaves introspection to the INTROSPECTION setting: it costs nothing against the budget", () => {
    assert.equal(check(getIntrospectionQuery(), { ...budget, depth: 100 }), null);
  });

  it("gives each audience its own budget, analysts the largest", () => {
    assert.equal(audienceOf(ANONYMOUS), "public");
    assert.equal(audienceOf({ sub: "a", roles: ["OFFICER"], unitCode: "883" }), "officer");
    assert.equal(audienceOf({ sub: "a", roles: ["ANALYST"] }), "analyst");
    assert.equal(audienceOf({ sub: "a", roles: ["ADMIN", "OFFICER"] }), "admin");
    assert.ok(DEFAULT_BUDGETS.analyst.cost > DEFAULT_BUDGETS.officer.cost);
    assert.ok(DEFAULT_BUDGETS.officer.cost > DEFAULT_BUDGETS.public.cost);
  });

  it("codes graphql-js's token limit like the other limits", () => {
    let message = "";
    try {
      parse("{ a b c d e f }", { maxTokens: 5 });
    } catch (err) {
      message = (err as Error).message;
    }
    assert.deepEqual(tokenLimitAsTooComplex({ message }), {
      message: "The query is over its tokens limit of 5",
      extensions: { code: "QUERY_TOO_COMPLEX", limit: "tokens", max: 5 },
    });
    const other = { message: "Syntax Error: Unexpected Name", extensions: { code: "GRAPHQL_PARSE_FAILED" } };
    assert.equal(tokenLimitAsTooComplex(other), other);
  });

  it("reads budget changes from QUERY_BUDGETS and refuses a malformed one by name", () => {
    const env = { NODE_ENV: "test", IDENTITY_SECRET: "x".repeat(32), JWT_SECRET: "y".repeat(32) };
    const c = loadConfig({
      ...env,
      QUERY_BUDGETS: '{"public":{"cost":8000},"analyst":{"depth":20}}',
      QUERY_MAX_TOKENS: "9000",
    });
    assert.deepEqual(c.budgets.public, { ...DEFAULT_BUDGETS.public, cost: 8000 });
    assert.equal(c.budgets.analyst.depth, 20);
    assert.equal(c.maxTokens, 9000);
    assert.throws(() => loadConfig({ ...env, QUERY_BUDGETS: '{"public":{"cost":"lots"}}' }), /QUERY_BUDGETS/);
    assert.throws(() => loadConfig({ ...env, QUERY_BUDGETS: "{" }), /QUERY_BUDGETS/);
  });
});

describe("the analysts' aggregates' cost", () => {
  const schema = buildSchema(`
    scalar Date
    enum SupportDimension { DISTRICT COMMUNE MONTH KIND }
    enum SupportKind { A B C D E F G }
    type AdministrativeUnit { code: ID! name: String! }
    type SupportAggregateRow { district: AdministrativeUnit commune: AdministrativeUnit month: String kind: SupportKind events: Int! }
    type SupportAggregate { rows: [SupportAggregateRow!]! totalRows: Int! }
    type Query {
      supportAggregate(unitCode: ID!, from: Date!, to: Date!, groupBy: [SupportDimension!]!, first: Int): SupportAggregate
    }
  `);
  const cost = (groupBy: string, extra = "") =>
    checkBudget(
      schema,
      parse(`{ supportAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [${groupBy}]${extra}) {
        totalRows rows { district { code name } kind events } } }`),
      { depth: 99, aliases: 99, directives: 99, cost: 0 },
      {},
    )?.actual;

  it("grows with the rows a grouping can return, at most `first`", () => {
    // Each row costs 5 (district with its code and name, kind, events); the selection's totalRows
    // (1) is answered once, not per row.
    const perRow = 5;
    const once = 1;
    assert.equal(cost("KIND"), 10 + 7 * perRow + once); // 7 kinds
    assert.equal(cost("DISTRICT"), 10 + 11 * perRow + once); // 11 districts under the province
    assert.equal(cost("DISTRICT, KIND"), 10 + 77 * perRow + once);
    assert.equal(cost("MONTH, KIND"), 10 + 84 * perRow + once); // 12 months x 7 kinds
    assert.equal(cost("COMMUNE, KIND"), 10 + 100 * perRow + once); // 156 x 7, at most the default 100
    assert.equal(cost("COMMUNE, KIND", ", first: 1000"), 10 + 1000 * perRow + once);
  });

  it("remembers a check per grouping, unit and period, so a variable grouping is costed each time", () => {
    const checker = new BudgetChecker({
      ...DEFAULT_BUDGETS,
      public: { depth: 99, aliases: 99, directives: 99, cost: 150 },
    });
    const document = parse(`query($g: [SupportDimension!]!, $from: Date!) {
      supportAggregate(unitCode: "89", from: $from, to: "2019-12-31", groupBy: $g) { rows { kind events } } }`);
    const check = (g: string[], from = "2019-01-01") =>
      checker.check(schema, document, "public", { g, from })?.limit ?? "ok";
    assert.equal(check(["KIND"]), "ok"); // 10 + 7 x 2
    assert.equal(check(["MONTH", "KIND"]), "cost"); // 10 + 84 x 2
    assert.equal(check(["KIND"]), "ok");
    assert.equal(check(["MONTH"], "2019-12-01"), "ok"); // one month
    assert.equal(check(["MONTH"], "2010-01-01"), "cost"); // 120 months, at most 100 rows
  });
});
