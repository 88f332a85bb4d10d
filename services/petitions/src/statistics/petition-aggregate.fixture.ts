import assert from "node:assert/strict";
import type { Identity } from "@danvan/kit";
import type { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";
import { ANALYST, type Harness } from "../testing/harness.js";

/**
 * For the petitionAggregate tests: the aggregate asked with every dimension and measure, and
 * petitionStatistics of the same unit and period, which its rows must add up to.
 */
export const AGGREGATE = `query($unitCode: ID!, $from: Date!, $to: Date!, $groupBy: [PetitionDimension!]!,
    $filter: PetitionAggregateFilter, $orderBy: [PetitionAggregateOrder!], $first: Int) {
  petitionAggregate(unitCode: $unitCode, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    totalRows
    rows { district { code } commune { code } month quarter year kind status onTime
           received resolved resolvedOnTime overdue medianDaysToResolve suppressed }
  }
}`;
const STATISTICS = `query($unitCode: ID!, $from: Date!, $to: Date!) {
  petitionStatistics(unitCode: $unitCode, from: $from, to: $to) {
    received resolved resolvedOnTime overdue medianDaysToResolve byKind { kind received resolved resolvedOnTime overdue }
  }
}`;

export interface Row {
  district: { code: string } | null;
  commune: { code: string } | null;
  month: string | null;
  quarter: string | null;
  year: string | null;
  kind: PetitionKind | null;
  status: PetitionStatus | null;
  onTime: boolean | null;
  received: number | null;
  resolved: number | null;
  resolvedOnTime: number | null;
  overdue: number | null;
  medianDaysToResolve: number | null;
  suppressed: boolean;
}
export interface Figures {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  overdue: number;
  medianDaysToResolve: number | null;
  byKind: { kind: PetitionKind; received: number; resolved: number; resolvedOnTime: number; overdue: number }[];
}
export type Args = { unitCode: string; from: string; to: string; groupBy: string[] } & Record<string, unknown>;

export const ALL_YEARS = { from: "2015-01-01", to: "2020-12-31" };
export const MEASURES = ["received", "resolved", "resolvedOnTime", "overdue"] as const;

/** `aggregate` and `statistics` through `harness()`, read when they run; both fail on any error. */
export function aggregateQueries(harness: () => Harness) {
  async function aggregate(args: Args, identity: Identity = ANALYST) {
    const r = await harness().run(AGGREGATE, { identity, variables: args });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionAggregate as { rows: Row[]; totalRows: number };
  }
  async function statistics(unitCode: string, from: string, to: string): Promise<Figures> {
    const r = await harness().run(STATISTICS, { variables: { unitCode, from, to } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionStatistics as Figures;
  }
  return { aggregate, statistics };
}

/** A measure summed over rows (a suppressed cell counts 0); all four; petitionStatistics' four. */
export const sum = (rows: Row[], m: (typeof MEASURES)[number]) => rows.reduce((a, r) => a + (r[m] ?? 0), 0);
export const sums = (rows: Row[]) => Object.fromEntries(MEASURES.map((m) => [m, sum(rows, m)]));
export const pick = (f: Figures) => Object.fromEntries(MEASURES.map((m) => [m, f[m]]));
