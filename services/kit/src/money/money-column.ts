import type { ValueTransformer } from "typeorm";

/** The largest amount a money input accepts: far above any real house, model or project, far below 2^63. */
export const MAX_VND = 1_000_000_000_000_000n;

/**
 * Money columns (whole VND, `bigint` in both databases): PostgreSQL hands them back as strings
 * and SQLite as numbers, so the entity always holds a bigint and writes a decimal string (exact
 * on both). Every money column of every subgraph uses this transformer.
 */
export const moneyColumn: ValueTransformer = {
  to: (v: unknown) => (typeof v === "bigint" ? v.toString() : v),
  from: (v: unknown) => (v === null || v === undefined ? v : BigInt(String(v))),
};

/** A money value read from a raw row or an aggregate (string, number or null) as a bigint; null is 0. */
export function vndOf(v: unknown): bigint {
  return v === null || v === undefined ? 0n : BigInt(String(v));
}
