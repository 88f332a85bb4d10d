import { currentLanguage, translate } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
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

/**
 * One field's cost: its weight plus its children's cost times how many items it returns —
 * `first` when given (at most 100), else 20 for a list or a connection. A connection's `edges` are counted
 * by the connection, not again.
 */
const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  // Introspection follows the INTROSPECTION setting, not the budget (graphql-armor's depth rule skips it too).
  if (field.name.startsWith("__") || parent.name.startsWith("__")) return 0;
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
 * budget and, among the variables, only on numbers (`first`) and booleans (`@include`,
 * `@skip`): a cursor, an id or a filter changes nothing. So the key is the operation, the
 * audience and each variable's number or boolean value, or else its JSON type (so a string
 * given for `first` is not mistaken for an absent one). Per document, at most 64 keys; the
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

/** What of the variables can change a budget check: numbers and booleans by value, the rest by type. */
function variableShape(variables: Record<string, unknown>): [string, unknown][] {
  return Object.keys(variables)
    .sort()
    .map((name) => {
      const v = variables[name];
      if (typeof v === "number" || typeof v === "boolean" || v === null) return [name, v];
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
