import assert from "node:assert/strict";
import { placeholders } from "@danvan/kit";
import type { Harness } from "../testing/harness.js";

/**
 * The aggregates' tests compare every answer with an oracle computed here, independently of the
 * statements under test: the facts read from the base tables at their finest grain (plain SQL,
 * no rollup), then folded in JavaScript into the grouping asked for.
 */

/** One fact at its finest grain: every dimension's value and the measures (money as bigint). */
export interface Fact {
  dims: Record<string, string | number | null>;
  measures: Record<string, bigint>;
}

/** Groups: a key of the grouped dimensions' values (in groupBy order) to the summed measures. */
export type Groups = Map<string, Record<string, bigint>>;

export function fold(facts: readonly Fact[], groupBy: readonly string[]): Groups {
  const groups: Groups = new Map();
  for (const f of facts) {
    const key = JSON.stringify(groupBy.map((d) => f.dims[d] ?? null));
    const sum = groups.get(key) ?? {};
    for (const [m, v] of Object.entries(f.measures)) sum[m] = (sum[m] ?? 0n) + v;
    groups.set(key, sum);
  }
  return groups;
}

/** The rows of an answer as Groups: `dimensionOf` reads a dimension's value from a row. */
export function groupsOf(
  rows: readonly Record<string, unknown>[],
  groupBy: readonly string[],
  dimensionOf: (row: Record<string, unknown>, dimension: string) => string | number | null,
  measures: readonly string[],
): Groups {
  const groups: Groups = new Map();
  for (const r of rows) {
    const key = JSON.stringify(groupBy.map((d) => dimensionOf(r, d)));
    assert.ok(!groups.has(key), `one row per group: ${key}`);
    groups.set(key, Object.fromEntries(measures.map((m) => [m, BigInt(String(r[m]))])));
  }
  return groups;
}

/** The same groups with the same measures, whatever the order of the rows. */
export function assertSameGroups(actual: Groups, expected: Groups, label: string): void {
  const sorted = (g: Groups) =>
    [...g.entries()]
      .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([m, x]) => [m, x.toString()]))] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(sorted(actual), sorted(expected), label);
}

/** A row's place dimension (`{ code }` or null) or its plain value, by the row field's name. */
export function rowValue(row: Record<string, unknown>, field: string): string | number | null {
  const v = row[field];
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return (v as { code: string }).code;
  return v as string | number;
}

/** `DISTRICT` → `district`, `POVERTY_STATUS` → `povertyStatus`: a dimension's field in the row. */
export function fieldOf(dimension: string): string {
  return dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The dimension's value as an answer's row shows it. */
export const answerValue = (row: Record<string, unknown>, dimension: string) => rowValue(row, fieldOf(dimension));

/** Time buckets written out here, not taken from the module under test. */
export function buckets(date: string): { MONTH: string; QUARTER: string; YEAR: string } {
  const month = Number(date.slice(5, 7));
  return {
    MONTH: date.slice(0, 7),
    QUARTER: `${date.slice(0, 4)}-Q${month <= 3 ? 1 : month <= 6 ? 2 : month <= 9 ? 3 : 4}`,
    YEAR: date.slice(0, 4),
  };
}

/** Plain SQL with `?` placeholders on the harness's database. */
export async function sql(h: Harness, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await h.ds.query(placeholders(h.ds, text), params)) as Record<string, unknown>[];
}

/** `?, ?, …` */
export const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Runs an operation and returns its data, failing on any error. */
export async function dataOf(
  h: Harness,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const r = await h.run(query, { variables });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data!;
}
