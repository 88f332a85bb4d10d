import { currentLanguage, translate } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isEnumType,
  isListType,
  type GraphQLField,
  type GraphQLObjectType,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { Identity } from "@danvan/kit/identity";
import { PROVINCE_CODE, subtreeCodes, unitByCode } from "@danvan/kit/units";
import type { Logger } from "@danvan/kit";
import type { GatewayMetrics } from "./metrics.js";
import type { GatewayContext } from "./request-context.js";

/** Who is asking, for the size of their budget. */
export type Audience = "public" | "officer" | "analyst" | "admin";

export interface Budget {
  /** Nesting of selections. */
  depth: number;
  /** Aliased fields (one field asked many times under other names). */
  aliases: number;
  /** Directives in the document. */
  directives: number;
  /** The estimated work: per-field weights times list sizes (`first`, else 20). */
  cost: number;
}
export type Limit = keyof Budget | "tokens";

/**
 * Per-audience budgets. The public and front-end apps get enough for every page the graph
 * serves (the district page costs about 4,800); analysts get more for ad-hoc questions.
 */
export const DEFAULT_BUDGETS: Record<Audience, Budget> = {
  public: { depth: 10, aliases: 15, directives: 10, cost: 10_000 },
  officer: { depth: 12, aliases: 30, directives: 20, cost: 25_000 },
  analyst: { depth: 15, aliases: 100, directives: 20, cost: 100_000 },
  admin: { depth: 15, aliases: 100, directives: 20, cost: 100_000 },
};
/** Tokens in a document (graphql-js stops parsing beyond it): the same for everyone. */
export const DEFAULT_MAX_TOKENS = 5_000;

export function audienceOf(identity: Identity): Audience {
  const roles = identity.roles;
  if (roles.includes("ADMIN")) return "admin";
  if (roles.includes("ANALYST")) return "analyst";
  if (roles.length > 0) return "officer";
  return "public";
}

const LIST_SIZE = 20;
/** The subgraphs' largest page (kit connections). */
const MAX_PAGE = 100;
/** Aggregates read more than a row: they weigh more than a plain field. */
const AGGREGATE = /Statistics$|^fundSummary$|^receptionCompliance$|^memberCount$|^newMembers$|^recruitment$/;
/** The analysts' grouped aggregates (householdAggregate, supportAggregate, ...). */
const GROUPED = /^[a-z]+Aggregate$/;

/** The rows an aggregate returns by default, and at most (the subgraphs' `first`: kit aggregates). */
const AGGREGATE_ROWS = 100;
const AGGREGATE_MAX_ROWS = 1000;
/** How many values an open-ended dimension takes: household sizes (1 to 20 in practice), join years, or else. */
const OPEN_DIMENSIONS: Readonly<Record<string, number>> = { MEMBER_COUNT: 20, JOIN_YEAR: 100 };
const OPEN_DIMENSION = 100;

const camel = (dimension: string) => dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const yearOf = (v: unknown) => (typeof v === "string" && /^\d{4}/.test(v) ? Number(v.slice(0, 4)) : undefined);
const monthOf = (v: string) => Number(v.slice(0, 4)) * 12 + Number(v.slice(5, 7));

/**
 * How many rows a grouping can return: the product of its dimensions' values (a place: the units
 * of that level under the unit; a time: the buckets in the period; an enum: its values), at most
 * `first`. An analyst's budget so bounds a grouping by what it can return, not by a guess.
 */
function aggregateRows(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 1), AGGREGATE_MAX_ROWS) : AGGREGATE_ROWS;
  const groupBy = Array.isArray(args.groupBy) ? (args.groupBy as string[]) : [];
  const rowsField = (getNamedType(field.type) as GraphQLObjectType).getFields?.()["rows"];
  const rowType = rowsField ? (getNamedType(rowsField.type) as GraphQLObjectType) : undefined;
  const unitCode = typeof args.unitCode === "string" ? args.unitCode : PROVINCE_CODE;
  const from = typeof args.from === "string" ? args.from : undefined;
  const to = typeof args.to === "string" ? args.to : undefined;
  const months =
    from && to && /^\d{4}-\d{2}/.test(from) && /^\d{4}-\d{2}/.test(to) ? monthOf(to) - monthOf(from) + 1 : undefined;
  let rows = 1;
  for (const dimension of groupBy) {
    let values = OPEN_DIMENSIONS[dimension] ?? OPEN_DIMENSION;
    if (dimension === "DISTRICT" || dimension === "COMMUNE") {
      const level = dimension === "DISTRICT" ? "DISTRICT" : "COMMUNE";
      values = Math.max(1, subtreeCodes(unitCode).filter((c) => unitByCode(c)?.level === level).length);
    } else if (dimension === "MONTH" && months) values = months;
    else if (dimension === "QUARTER" && months) values = Math.ceil(months / 3) + 1;
    else if (dimension === "YEAR" && from && to) values = (yearOf(to) ?? 0) - (yearOf(from) ?? 0) + 1;
    else {
      const type = rowType?.getFields()[camel(dimension)]?.type;
      const named = type ? getNamedType(type) : undefined;
      if (named && isEnumType(named)) values = named.getValues().length;
      else if (named?.name === "Boolean") values = 2;
    }
    rows *= Math.max(1, values);
    if (rows >= first) return first;
  }
  return Math.min(rows, first);
}

/**
 * One field's cost: its weight plus its children's cost times how many items it returns —
 * `first` when given (at most 100), else 20 for a list or a connection. A connection's `edges` are counted
 * by the connection, not again.
 */
/**
 * The cost of one row of the aggregate being estimated: the estimator sees a field's children
 * before the field, so `rows` leaves it here for its aggregate, which multiplies it alone (its other
 * fields, `totalRows` and `coverage`, are answered once, not per row).
 */
let rowCost = 0;

const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  // Introspection follows the INTROSPECTION setting, not the budget (graphql-armor's depth rule skips it too).
  if (field.name.startsWith("__") || parent.name.startsWith("__")) return 0;
  // An analysts' aggregate: its rows (counted here, not again by `rows`) times each row's cost.
  if (GROUPED.test(field.name)) {
    const row = rowCost;
    rowCost = 0;
    return 10 + aggregateRows(field, args) * row + (childComplexity - row);
  }
  if (field.name === "rows" && parent.name.endsWith("Aggregate")) {
    rowCost = childComplexity;
    return childComplexity;
  }
  const weight = AGGREGATE.test(field.name) ? 10 : 1;
  const type = getNullableType(field.type);
  const many = isListType(type) || getNamedType(field.type).name.endsWith("Connection");
  // A `first` beyond the largest page is the subgraph's BAD_USER_INPUT to report, with its field.
  const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 0), MAX_PAGE) : undefined;
  const size = field.name === "edges" ? 1 : (first ?? (many ? LIST_SIZE : 1));
  return weight + size * childComplexity;
};

export interface LimitBreach {
  limit: Limit;
  max: number;
  actual?: number;
}

/** The first budget a document breaks, or null. */
export function checkBudget(
  schema: GraphQLSchema,
  document: DocumentNode,
  budget: Budget,
  variables: Record<string, unknown>,
  operationName?: string,
): LimitBreach | null {
  // graphql-armor's rules report a breach to onReject, with the count found in the message.
  let found: string | null = null;
  const armor = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(_: unknown, e: Error) => (found = e.message)],
  };
  const rules: [Limit, number, ValidationRule][] = [
    ["depth", budget.depth, maxDepthRule({ n: budget.depth, ...armor }) as unknown as ValidationRule],
    ["aliases", budget.aliases, maxAliasesRule({ n: budget.aliases, ...armor }) as unknown as ValidationRule],
    [
      "directives",
      budget.directives,
      maxDirectivesRule({ n: budget.directives, ...armor }) as unknown as ValidationRule,
    ],
  ];
  for (const [limit, max, rule] of rules) {
    found = null;
    validate(schema, document, [rule]);
    if (found !== null) {
      const actual = /found (\d+)/.exec(found)?.[1];
      return { limit, max, ...(actual ? { actual: Number(actual) } : {}) };
    }
  }
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  } catch {
    return null; // bad variables: execution reports them, with their field
  }
  return cost > budget.cost ? { limit: "cost", max: budget.cost, actual: cost } : null;
}

/** How many variable shapes of one document a BudgetChecker remembers before starting afresh. */
const SHAPES_PER_DOCUMENT = 64;

/**
 * `checkBudget` with its answers remembered. Apollo Server hands every request with the same
 * text the same parsed document, and the answer depends on the document, the operation, the
 * budget and, among the variables, only on numbers (`first`), booleans (`@include`, `@skip`)
 * and what sizes an aggregate (its grouping, unit and period): a cursor, an id or a filter
 * changes nothing. So the key is the operation, the audience and variableShape's values, or else
 * each variable's JSON type (so a string given for `first` is not mistaken for an absent one). Per document, at most 64 keys; the
 * documents themselves are held weakly, so they go when Apollo's document cache lets them go.
 */
export class BudgetChecker {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, LimitBreach | null>>();
  /** Answers given from memory and computed: for tests and curiosity. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly budgets: Record<Audience, Budget>) {}

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    audience: Audience,
    variables: Record<string, unknown>,
    operationName?: string,
  ): LimitBreach | null {
    const key = JSON.stringify([audience, operationName ?? null, variableShape(variables)]);
    let known = this.byDocument.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) {
      this.stats.hits++;
      return cached;
    }
    this.stats.misses++;
    const result = checkBudget(schema, document, this.budgets[audience], variables, operationName);
    if (!known) this.byDocument.set(document, (known = new Map()));
    if (known.size >= SHAPES_PER_DOCUMENT) known.clear();
    known.set(key, result);
    return result;
  }
}

/**
 * What of the variables can change a budget check: numbers and booleans by value; for the
 * aggregates, a grouping (a list of enum names), a unit code and a date or month by value; the
 * rest (names, ids, cursors, filters) by type.
 */
function variableShape(variables: Record<string, unknown>): [string, unknown][] {
  return Object.keys(variables)
    .sort()
    .map((name) => {
      const v = variables[name];
      if (typeof v === "number" || typeof v === "boolean" || v === null) return [name, v];
      // What sizes an aggregate's rows: its grouping (enum names), its unit and its period.
      if (Array.isArray(v) && v.every((x) => typeof x === "string" && /^[A-Z][A-Z0-9_]*$/.test(x))) return [name, v];
      if (typeof v === "string" && /^(\d{2}|\d{3}|\d{5}|\d{4}-\d{2}(-\d{2})?)$/.test(v)) return [name, v];
      return [name, Array.isArray(v) ? "array" : typeof v];
    });
}

export function tooComplex(b: LimitBreach): GraphQLError {
  const message =
    b.actual !== undefined
      ? gatewayMessage("tooComplexBy", { limit: b.limit, max: b.max, actual: b.actual })
      : gatewayMessage("tooComplex", { limit: b.limit, max: b.max });
  return new GraphQLError(translate(message, currentLanguage()), {
    extensions: { code: "QUERY_TOO_COMPLEX", limit: b.limit, max: b.max, http: { status: 400 } },
  });
}

/**
 * Checks each operation against its caller's budget once it is parsed and validated, before
 * any query plan or subgraph fetch: a refused bomb costs the gateway a validation pass only.
 */
export function queryLimitsPlugin(
  budgets: Record<Audience, Budget>,
  logger: Logger,
  metrics?: GatewayMetrics,
): ApolloServerPlugin<GatewayContext> {
  const checker = new BudgetChecker(budgets);
  return {
    async requestDidStart() {
      return {
        // The token limit is enforced by the parser; its syntax error is counted here.
        async didEncounterErrors({ errors, contextValue }) {
          if (errors.some((e) => TOKEN_LIMIT.test(e.message)))
            metrics?.reject("tokens", audienceOf(contextValue.identity));
        },
        async didResolveOperation({ document, schema, contextValue, request, operationName, operation }) {
          // The graph has no subscriptions; the gateway's planner would fail on one with a 500.
          if (operation?.operation === "subscription")
            throw new GraphQLError(translate(gatewayMessage("noSubscriptions"), currentLanguage()), {
              extensions: { code: "BAD_REQUEST", http: { status: 400 } },
            });
          const audience = audienceOf(contextValue.identity);
          const breach = checker.check(schema, document, audience, request.variables ?? {}, operationName ?? undefined);
          if (!breach) return;
          logger.info({ requestId: contextValue.requestId, audience, ...breach }, "query refused: over its limit");
          metrics?.reject(breach.limit, audience);
          throw tooComplex(breach);
        },
      };
    },
  };
}

// graphql-js 16 words it "more that N tokens"; later versions may fix the typo.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** graphql-js's token limit is a syntax error; callers get it coded like the other limits. */
export function tokenLimitAsTooComplex(e: GraphQLFormattedError): GraphQLFormattedError {
  const m = TOKEN_LIMIT.exec(e.message);
  if (!m) return e;
  return {
    message: translate(gatewayMessage("tooComplex", { limit: "tokens", max: Number(m[1]) }), currentLanguage()),
    extensions: { code: "QUERY_TOO_COMPLEX", limit: "tokens", max: Number(m[1]) },
  };
}
