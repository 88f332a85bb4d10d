import type { DataSource } from "typeorm";
import { communesIn, placeholders, referenceUnits, subtreeCodes } from "@danvan/kit";
import { handedOverHouses } from "../houses/house-statistics.js";
import { overPeriod } from "../period.js";
import { FundEntryKind } from "./fund-enums.js";
import { SupportKind } from "../support/support-kind.js";
import type { SupportKindFigures } from "./fund-summary.type.js";
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

type Row = Record<string, string | number>;

const UNITS = referenceUnits.map((u) => u.code);
const COMMUNES = referenceUnits.filter((u) => u.level === "COMMUNE").map((u) => u.code);
const list = (codes: string[]) => codes.map(() => "?").join(", ");

/**
 * All figures of a period for the whole province, grouped by unit or commune and year (a few
 * thousand rows at most); any unit's summary is then a sum over its subtree. Whole years come
 * from the exact year tallies kept with every write; only the partial months at either end of
 * the period are aggregated from the ledger and the support events. One call serves every unit
 * a request asks about.
 */
export async function periodFigures(ds: DataSource, from: string, to: string): Promise<PeriodFigures> {
  const q = (sql: string, params: unknown[]) => ds.query(placeholders(ds, sql), params) as Promise<Row[]>;
  const [moneyRows, visitRows, houses] = await Promise.all([
    overPeriod(
      from,
      to,
      (first, last) =>
        q(
          `SELECT unit_code AS code, year AS y, raised_vnd AS raised, spent_vnd AS spent FROM fund_year_tally
           WHERE year >= ? AND year <= ?`,
          [first, last],
        ),
      // The edges read the (unit, date) index, one range per unit.
      (a, b) =>
        q(
          `SELECT unit_code AS code, ${yearOf("entry_on")} AS y,
                  SUM(CASE WHEN kind = ? THEN amount_vnd ELSE 0 END) AS raised,
                  -SUM(CASE WHEN kind IN (?, ?) THEN amount_vnd ELSE 0 END) AS spent
             FROM fund_entry WHERE unit_code IN (${list(UNITS)}) AND entry_on >= ? AND entry_on <= ?
            GROUP BY unit_code, ${yearOf("entry_on")}`,
          [FundEntryKind.CONTRIBUTION, FundEntryKind.SUPPORT, FundEntryKind.HOUSE, ...UNITS, a, b],
        ),
    ),
    overPeriod(
      from,
      to,
      (first, last) =>
        q(
          `SELECT commune_code AS code, year AS y, SUM(visits) AS v FROM support_tally
           WHERE year >= ? AND year <= ? GROUP BY commune_code, year`,
          [first, last],
        ),
      (a, b) =>
        q(
          `SELECT commune_code AS code, ${yearOf("given_on")} AS y, COUNT(*) AS v
             FROM support_event WHERE commune_code IN (${list(COMMUNES)}) AND given_on >= ? AND given_on <= ?
            GROUP BY commune_code, ${yearOf("given_on")}`,
          [...COMMUNES, a, b],
        ),
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
  const add = <V>(m: Map<string, V>, r: Row, v: V, plus: (a: V, b: V) => V) => {
    const k = key(String(r.code), Number(r.y));
    m.set(k, m.has(k) ? plus(m.get(k)!, v) : v);
    years.add(Number(r.y));
  };
  for (const r of moneyRows) {
    const raised = BigInt(String(r.raised));
    const spent = BigInt(String(r.spent));
    if (raised !== 0n) add(f.raised, r, raised, (a, b) => a + b);
    if (spent !== 0n) add(f.spent, r, spent, (a, b) => a + b);
  }
  for (const r of visitRows) add(f.visits, r, Number(r.v), (a, b) => a + b);
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

/** Support events and their value per commune and kind over a period ("commune:kind"). */
export type SupportByKind = Map<string, { visits: number; amount: bigint }>;

/** The period's support by commune and kind, for the whole province: a thousand rows at most. */
export async function supportByKindFigures(ds: DataSource, from: string, to: string): Promise<SupportByKind> {
  const q = (sql: string, params: unknown[]) => ds.query(placeholders(ds, sql), params) as Promise<Row[]>;
  const rows = await overPeriod(
    from,
    to,
    (first, last) =>
      q(
        `SELECT commune_code AS code, kind, SUM(visits) AS v, SUM(amount_vnd) AS a FROM support_tally
          WHERE year >= ? AND year <= ? GROUP BY commune_code, kind`,
        [first, last],
      ),
    (a, b) =>
      q(
        `SELECT commune_code AS code, kind, COUNT(*) AS v, SUM(amount_vnd) AS a FROM support_event
          WHERE commune_code IN (${list(COMMUNES)}) AND given_on >= ? AND given_on <= ?
          GROUP BY commune_code, kind`,
        [...COMMUNES, a, b],
      ),
  );
  const figures: SupportByKind = new Map();
  for (const r of rows) {
    const k = `${String(r.code)}:${String(r.kind)}`;
    const t = figures.get(k) ?? { visits: 0, amount: 0n };
    t.visits += Number(r.v);
    t.amount += BigInt(String(r.a));
    figures.set(k, t);
  }
  return figures;
}

/** A unit's support by kind (its communes' sums), every kind listed. */
export function supportByKindFor(unitCode: string, figures: SupportByKind): SupportKindFigures[] {
  const communes = communesIn(unitCode);
  return Object.values(SupportKind).map((kind) => {
    let visits = 0;
    let amountVnd = 0n;
    for (const c of communes) {
      const t = figures.get(`${c}:${kind}`);
      if (t) {
        visits += t.visits;
        amountVnd += t.amount;
      }
    }
    return { kind, visits, amountVnd };
  });
}
