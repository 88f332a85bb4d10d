import { EntityManager, type DataSource } from "typeorm";
import { placeholders, vndOf } from "@danvan/kit";
import { availableFrom, type EndOfDayBalance } from "./ledger-by-date.js";

/**
 * The ledger by date in SQL (the rules are ledger-by-date.ts): every statement reads one fund's
 * entries, or a list of funds', from the covering index ix_fund_entry_fund (fund_id, entry_on,
 * amount_vnd), grouped by day, with the running balance as a window sum; `Fund.lowestBalance` reads
 * the figure each write keeps on the fund's row. Measured at full scale on SQLite in the README
 * ("The ledger by date").
 */

type Row = Record<string, string | number | null>;
const run = (db: DataSource | EntityManager, sql: string, params: unknown[]) =>
  db.query(placeholders(db instanceof EntityManager ? db.dataSource : db, sql), params) as Promise<Row[]>;

/** The fund's days: each day's net movement and the balance at its end. */
const DAYS = `days AS (SELECT entry_on, SUM(amount_vnd) AS net FROM fund_entry WHERE fund_id = ? GROUP BY entry_on),
  running AS (SELECT entry_on, net, SUM(net) OVER (ORDER BY entry_on ROWS UNBOUNDED PRECEDING) AS balance FROM days)`;

/**
 * What a debit dated `on` may take from the fund: the lower of its balance at the end of `on` and
 * its lowest end-of-day balance after `on` up to `until` (a closed fund's last day: the transfer
 * carrying its balance over follows every entry dated before, ledger.ts `carryForward`), in one
 * statement inside the caller's transaction (the fund's row already locked on PostgreSQL, so the
 * figure holds until the entry is written).
 */
export async function availableOn(
  m: EntityManager,
  fundId: string,
  on: string,
  until: string | null = null,
): Promise<bigint> {
  const [row] = await run(
    m,
    `WITH ${DAYS}
     SELECT SUM(CASE WHEN entry_on <= ? THEN net ELSE 0 END) AS on_day,
            MIN(CASE WHEN entry_on > ? AND entry_on <= ? THEN balance END) AS lowest_later
       FROM running`,
    [fundId, on, on, until ?? "9999-12-31"],
  );
  const later = row?.lowest_later;
  return availableFrom(vndOf(row?.on_day ?? 0), later === null || later === undefined ? null : vndOf(later));
}

/** Many funds' balances at the end of one day, in one statement (a correlated sum per fund over the index). */
export async function balancesOn(
  ds: DataSource,
  fundIds: string[],
  on: string,
): Promise<{ fundId: string; balanceVnd: bigint }[]> {
  const rows = await run(
    ds,
    `SELECT f.id AS fund_id,
            (SELECT COALESCE(SUM(e.amount_vnd), 0) FROM fund_entry e WHERE e.fund_id = f.id AND e.entry_on <= ?) AS balance
       FROM fund f WHERE f.id IN (${fundIds.map(() => "?").join(", ")})`,
    [on, ...fundIds],
  );
  return rows.map((r) => ({ fundId: String(r.fund_id), balanceVnd: vndOf(r.balance ?? 0) }));
}

/**
 * Many funds' lowest end-of-day balances over their whole history, each with the first day it
 * was reached, recomputed from their entries in one statement; a fund without entries has no
 * row. Every entry's write runs it for its own fund (ledger.ts, `keepLowestBalance`), as the
 * debit check reads that fund's days; the graph reads the kept figure (`storedLowestBalances`).
 */
export async function lowestBalancesOf(
  db: DataSource | EntityManager,
  fundIds: string[],
): Promise<(EndOfDayBalance & { fundId: string })[]> {
  const rows = await run(
    db,
    `WITH days AS (SELECT fund_id, entry_on, SUM(amount_vnd) AS net FROM fund_entry
                    WHERE fund_id IN (${fundIds.map(() => "?").join(", ")}) GROUP BY fund_id, entry_on),
          running AS (SELECT fund_id, entry_on,
                             SUM(net) OVER (PARTITION BY fund_id ORDER BY entry_on ROWS UNBOUNDED PRECEDING) AS balance
                        FROM days),
          ranked AS (SELECT fund_id, entry_on, balance,
                            ROW_NUMBER() OVER (PARTITION BY fund_id ORDER BY balance, entry_on) AS n
                       FROM running)
     SELECT fund_id, entry_on, balance FROM ranked WHERE n = 1`,
    fundIds,
  );
  return rows.map((r) => ({ fundId: String(r.fund_id), on: String(r.entry_on), balanceVnd: vndOf(r.balance ?? 0) }));
}

/**
 * Many funds' lowest balances as kept on their rows (`Fund.lowestBalanceOn`, `lowestBalanceVnd`),
 * in one statement reading one row per fund; a fund without entries has no row.
 */
export async function storedLowestBalances(
  ds: DataSource,
  fundIds: string[],
): Promise<(EndOfDayBalance & { fundId: string })[]> {
  const rows = await run(
    ds,
    `SELECT id, lowest_balance_on, lowest_balance_vnd FROM fund
      WHERE id IN (${fundIds.map(() => "?").join(", ")}) AND lowest_balance_on IS NOT NULL`,
    fundIds,
  );
  return rows.map((r) => ({
    fundId: String(r.id),
    on: String(r.lowest_balance_on),
    balanceVnd: vndOf(r.lowest_balance_vnd),
  }));
}

/**
 * What the `higher` fund transferred to the `lower` one on or before `on`, and what the lower
 * one has already sent back to it: the bound of a return (ledger-rules.ts).
 */
export async function allocationBetween(
  m: EntityManager,
  higher: string,
  lower: string,
  on: string,
): Promise<{ allocatedVnd: bigint; returnedVnd: bigint }> {
  const [row] = await run(
    m,
    `SELECT COALESCE(SUM(CASE WHEN from_fund_id = ? AND transferred_on <= ? THEN amount_vnd ELSE 0 END), 0) AS allocated,
            COALESCE(SUM(CASE WHEN from_fund_id = ? THEN amount_vnd ELSE 0 END), 0) AS returned
       FROM fund_transfer
      WHERE (from_fund_id = ? AND to_fund_id = ?) OR (from_fund_id = ? AND to_fund_id = ?)`,
    [higher, on, lower, higher, lower, lower, higher],
  );
  return { allocatedVnd: vndOf(row?.allocated ?? 0), returnedVnd: vndOf(row?.returned ?? 0) };
}
