import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { DateTimeResolver, GraphQLBigInt, LocalDateResolver } from "graphql-scalars";

/**
 * `Date`: a calendar date `YYYY-MM-DD` (graphql-scalars' LocalDate under the contract's name).
 * It stays a string end to end, so no time zone can shift a legal deadline by a day.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar date, `YYYY-MM-DD` (ISO 8601).",
});

/** `DateTime`: an instant, ISO 8601 with offset. */
export const DateTimeScalar = DateTimeResolver;

/**
 * Whole VND, 64-bit safe: graphql-scalars' BigInt. Values within 2^53 travel as JSON numbers,
 * larger ones as strings; inputs accept either. Never Float, never Int.
 */
export const MoneyScalar = new GraphQLScalarType({
  ...GraphQLBigInt.toConfig(),
  // Inputs always become bigint (graphql-scalars would warn on the console and vary the type).
  parseValue: (value: unknown) => toWholeBigInt(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toWholeBigInt(ast.value);
    throw new GraphQLError("BigInt must be a whole number", { nodes: ast });
  },
});

function toWholeBigInt(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  throw new GraphQLError("BigInt must be a whole number (a JSON integer, or a string of digits beyond 2^53)");
}

/** Today's calendar date in the province's time zone (Asia/Ho_Chi_Minh, UTC+7, no DST). */
export function todayInProvince(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** True when `s` is a real month `YYYY-MM` (years 1900 to 2100). */
export function isYearMonth(s: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  return m !== null && Number(m[1]) >= 1900 && Number(m[1]) <= 2100;
}

function toYearMonth(value: unknown): string {
  if (typeof value === "string" && isYearMonth(value)) return value;
  throw new GraphQLError("YearMonth must be a real month YYYY-MM");
}

/** `YearMonth`: a calendar month `YYYY-MM` (a reception month, a reporting month). A string end to end. */
export const YearMonthScalar = new GraphQLScalarType({
  name: "YearMonth",
  description: "A calendar month, `YYYY-MM` (ISO 8601).",
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
  serialize: toYearMonth,
  parseValue: toYearMonth,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return toYearMonth(ast.value);
    throw new GraphQLError("YearMonth must be a real month YYYY-MM", { nodes: ast });
  },
});

/** The scalars of the graph that the supergraph only names: the gateway checks inputs with these. */
export const GRAPH_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map<string, GraphQLScalarType>([
  ["Date", DateScalar],
  ["DateTime", DateTimeScalar],
  ["BigInt", MoneyScalar],
  ["YearMonth", YearMonthScalar],
]);
