import type { DataSource } from "typeorm";
import { placeholders, vndOf, windowCodes, windowsOf, type FigureUnit } from "@danvan/kit";
import { inUnitWindows, overPeriod, yearOfDateColumn, type MapSide } from "../period.js";
import { COMMUNE_CODES, inList } from "../units.js";
import { SupportKind } from "./support-kind.js";
import { LISTED_STATUSES_SQL, VISIT_KINDS_SQL } from "./published-visits.js";

/**
 * The support's SQL aggregates over a period, for the whole province (a thousand rows at most):
 * whole years from the exact support tallies, the partial months at either end from the events.
 * The fund summary reads them once per period and sums them per unit.
 */

type Row = Record<string, string | number>;

/** Support in one commune and year of a period: every event, and the published household-visits. */
export interface VisitsInYear {
  communeCode: string;
  year: number;
  /** Before (0) or from (1) the 2025 reorganisation (period.ts). */
  side: MapSide;
  /** Every support event. */
  events: number;
  /** The household-visits as the province publishes them (published-visits.ts). */
  visits: number;
}

/** Support events and published household-visits per commune and year over a period. */
export async function visitsByCommune(ds: DataSource, from: string, to: string): Promise<VisitsInYear[]> {
  const q = (sql: string, params: unknown[]) => ds.query(placeholders(ds, sql), params) as Promise<Row[]>;
  const rows = await overPeriod(
    from,
    to,
    (first, last) =>
      q(
        `SELECT commune_code AS code, year AS y, SUM(visits) AS e,
                SUM(CASE WHEN kind IN (${VISIT_KINDS_SQL}) THEN listed_visits ELSE 0 END) AS v
           FROM support_tally WHERE year >= ? AND year <= ? GROUP BY commune_code, year`,
        [first, last],
      ),
    (a, b) =>
      q(
        `SELECT commune_code AS code, ${yearOfDateColumn("given_on")} AS y, COUNT(*) AS e,
                SUM(CASE WHEN kind IN (${VISIT_KINDS_SQL}) AND recipient_status IN (${LISTED_STATUSES_SQL}) THEN 1 ELSE 0 END) AS v
             FROM support_event WHERE commune_code IN (${inList(COMMUNE_CODES)}) AND given_on >= ? AND given_on <= ?
            GROUP BY commune_code, ${yearOfDateColumn("given_on")}`,
        [...COMMUNE_CODES, a, b],
      ),
  );
  return rows.map((r) => ({
    communeCode: String(r.code),
    year: Number(r.y),
    side: r.side,
    events: Number(r.e),
    visits: Number(r.v),
  }));
}

/** Support events (every recipient) and their value in one year and side of the 2025 reorganisation, by kind. */
export interface SupportCell {
  year: number;
  side: MapSide;
  kind: string;
  visits: number;
  amount: bigint;
}

/** The period's support cells per commune code: a unit reads only its own communes' cells. */
export type SupportByKind = Map<string, SupportCell[]>;

/** The period's support by commune and kind. */
export async function supportByKindFigures(ds: DataSource, from: string, to: string): Promise<SupportByKind> {
  const q = (sql: string, params: unknown[]) => ds.query(placeholders(ds, sql), params) as Promise<Row[]>;
  const rows = await overPeriod(
    from,
    to,
    (first, last) =>
      q(
        `SELECT commune_code AS code, year AS y, kind, SUM(visits) AS v, SUM(amount_vnd) AS a FROM support_tally
          WHERE year >= ? AND year <= ? GROUP BY commune_code, year, kind`,
        [first, last],
      ),
    (a, b) =>
      q(
        `SELECT commune_code AS code, ${yearOfDateColumn("given_on")} AS y, kind, COUNT(*) AS v, SUM(amount_vnd) AS a
           FROM support_event WHERE commune_code IN (${inList(COMMUNE_CODES)}) AND given_on >= ? AND given_on <= ?
          GROUP BY commune_code, ${yearOfDateColumn("given_on")}, kind`,
        [...COMMUNE_CODES, a, b],
      ),
  );
  const figures: SupportByKind = new Map();
  for (const r of rows) {
    const code = String(r.code);
    const cells = figures.get(code) ?? [];
    cells.push({ year: Number(r.y), side: r.side, kind: String(r.kind), visits: Number(r.v), amount: vndOf(r.a) });
    figures.set(code, cells);
  }
  return figures;
}

/**
 * A unit's support by kind: the sums over the communes of its territory through time, each year and
 * side counted where the unit's windows hold that code then (period.ts inUnitWindows), every kind listed.
 */
export function supportByKindFor(
  unit: FigureUnit,
  figures: SupportByKind,
): { kind: SupportKind; visits: number; amountVnd: bigint }[] {
  const windows = windowsOf(unit);
  const totals = new Map<string, { visits: number; amount: bigint }>();
  for (const code of windowCodes(windows))
    for (const t of figures.get(code) ?? []) {
      if (!inUnitWindows(windows, code, t.year, t.side)) continue;
      const sum = totals.get(t.kind) ?? { visits: 0, amount: 0n };
      sum.visits += t.visits;
      sum.amount += t.amount;
      totals.set(t.kind, sum);
    }
  return Object.values(SupportKind).map((kind) => ({
    kind,
    visits: totals.get(kind)?.visits ?? 0,
    amountVnd: totals.get(kind)?.amount ?? 0n,
  }));
}
