import type { DataSource } from "typeorm";
import { placeholders, vndOf } from "@danvan/kit";
import { overPeriod, yearOfDateColumn, type MapSide } from "../period.js";
import { inList, UNIT_CODES } from "../units.js";
import { FundEntryKind } from "./fund-enums.js";

/** Money raised and spent by the funds of one unit in one year of a period. */
export interface RaisedAndSpent {
  unitCode: string;
  year: number;
  /** Before (0) or from (1) the 2025 reorganisation: which unit a reused code names (period.ts). */
  side: MapSide;
  raisedVnd: bigint;
  spentVnd: bigint;
}

type Row = Record<string, string | number>;

/**
 * Money raised (contributions) and spent (support and houses) per fund unit and year over a
 * period, for the whole province: whole years from the exact year tallies, the partial months at
 * either end from the ledger (its (unit, date) index, one range per unit).
 */
export async function raisedAndSpent(ds: DataSource, from: string, to: string): Promise<RaisedAndSpent[]> {
  const q = (sql: string, params: unknown[]) => ds.query(placeholders(ds, sql), params) as Promise<Row[]>;
  const rows = await overPeriod(
    from,
    to,
    (first, last) =>
      q(
        `SELECT unit_code AS code, year AS y, raised_vnd AS raised, spent_vnd AS spent FROM fund_year_tally
           WHERE year >= ? AND year <= ?`,
        [first, last],
      ),
    (a, b) =>
      q(
        `SELECT unit_code AS code, ${yearOfDateColumn("entry_on")} AS y,
                  SUM(CASE WHEN kind = ? THEN amount_vnd ELSE 0 END) AS raised,
                  -SUM(CASE WHEN kind IN (?, ?) THEN amount_vnd ELSE 0 END) AS spent
             FROM fund_entry WHERE unit_code IN (${inList(UNIT_CODES)}) AND entry_on >= ? AND entry_on <= ?
            GROUP BY unit_code, ${yearOfDateColumn("entry_on")}`,
        [FundEntryKind.CONTRIBUTION, FundEntryKind.SUPPORT, FundEntryKind.HOUSE, ...UNIT_CODES, a, b],
      ),
  );
  return rows.map((r) => ({
    unitCode: String(r.code),
    year: Number(r.y),
    side: r.side,
    raisedVnd: vndOf(r.raised),
    spentVnd: vndOf(r.spent),
  }));
}
