import type { DataSource } from "typeorm";
import { communesIn, placeholders, subtreeCodes } from "@danvan/kit";
import { handedOverHouses } from "../houses/house-statistics.js";
import { FundEntryKind } from "./fund-enums.js";
import type { FundSummary, FundYear } from "./fund-summary.type.js";
import { unitRef } from "../federation/administrative-unit.ref.js";

/** Per unit (or commune) and year: what the period's aggregate statements return. */
export interface PeriodFigures {
  raised: Map<string, bigint>;
  spent: Map<string, bigint>;
  visits: Map<string, number>;
  built: Map<string, number>;
  repaired: Map<string, number>;
  years: number[];
}

const key = (code: string, year: number) => `${code}:${year}`;
// CAST(date AS TEXT) is "YYYY-MM-DD" on both databases, so the year is its first four characters.
const yearOf = (column: string) => `substr(CAST(${column} AS TEXT), 1, 4)`;

/**
 * All figures of a period for the whole province in four aggregate statements (grouped by
 * unit or commune and year: a few thousand rows at most); any unit's summary is then a sum
 * over its subtree. One call serves every unit a request asks about.
 */
export async function periodFigures(ds: DataSource, from: string, to: string): Promise<PeriodFigures> {
  const q = (sql: string, params: unknown[]) =>
    ds.query(placeholders(ds, sql), params) as Promise<Record<string, string | number>[]>;
  const [raised, spent, visits, houses] = await Promise.all([
    q(
      `SELECT unit_code AS code, ${yearOf("received_on")} AS y, SUM(amount_vnd) AS v FROM contribution
       WHERE received_on >= ? AND received_on <= ? GROUP BY unit_code, ${yearOf("received_on")}`,
      [from, to],
    ),
    q(
      `SELECT unit_code AS code, ${yearOf("entry_on")} AS y, -SUM(amount_vnd) AS v FROM fund_entry
       WHERE kind IN (?, ?) AND entry_on >= ? AND entry_on <= ? GROUP BY unit_code, ${yearOf("entry_on")}`,
      [FundEntryKind.SUPPORT, FundEntryKind.HOUSE, from, to],
    ),
    q(
      `SELECT commune_code AS code, ${yearOf("given_on")} AS y, COUNT(*) AS v FROM support_event
       WHERE given_on >= ? AND given_on <= ? GROUP BY commune_code, ${yearOf("given_on")}`,
      [from, to],
    ),
    handedOverHouses(ds, from, to),
  ]);
  const f: PeriodFigures = {
    raised: new Map(),
    spent: new Map(),
    visits: new Map(),
    built: new Map(),
    repaired: new Map(),
    years: [],
  };
  const years = new Set<number>();
  const put = <V>(m: Map<string, V>, r: Record<string, string | number>, v: V) => {
    m.set(key(String(r.code), Number(r.y)), v);
    years.add(Number(r.y));
  };
  for (const r of raised) put(f.raised, r, BigInt(String(r.v)));
  for (const r of spent) put(f.spent, r, BigInt(String(r.v)));
  for (const r of visits) put(f.visits, r, Number(r.v));
  for (const h of houses) {
    const target = h.kind === "NEW" ? f.built : f.repaired;
    target.set(key(h.communeCode, h.year), (target.get(key(h.communeCode, h.year)) ?? 0) + h.n);
    years.add(h.year);
  }
  f.years = [...years].sort((a, b) => a - b);
  return f;
}

/** Sums the period's figures over a unit's subtree, in total and by year. */
export function summaryFor(unitCode: string, from: string, to: string, f: PeriodFigures): FundSummary {
  const units = subtreeCodes(unitCode);
  const communes = communesIn(unitCode);
  const byYear: FundYear[] = f.years.map((year) => {
    const sumBig = (m: Map<string, bigint>, codes: string[]) =>
      codes.reduce((s, c) => s + (m.get(key(c, year)) ?? 0n), 0n);
    const sum = (m: Map<string, number>, codes: string[]) => codes.reduce((s, c) => s + (m.get(key(c, year)) ?? 0), 0);
    return {
      year,
      raisedVnd: sumBig(f.raised, units),
      spentVnd: sumBig(f.spent, units),
      housesBuilt: sum(f.built, communes),
      housesRepaired: sum(f.repaired, communes),
      supportVisits: sum(f.visits, communes),
    };
  });
  return {
    unit: unitRef(unitCode),
    from,
    to,
    raisedVnd: byYear.reduce((s, y) => s + y.raisedVnd, 0n),
    spentVnd: byYear.reduce((s, y) => s + y.spentVnd, 0n),
    housesBuilt: byYear.reduce((s, y) => s + y.housesBuilt, 0),
    housesRepaired: byYear.reduce((s, y) => s + y.housesRepaired, 0),
    supportVisits: byYear.reduce((s, y) => s + y.supportVisits, 0),
    byYear: byYear.filter((y) => y.raisedVnd || y.spentVnd || y.housesBuilt || y.housesRepaired || y.supportVisits),
  };
}
