import type { MigrationInterface, QueryRunner } from "typeorm";
import { placeholders } from "@danvan/kit";

/**
 * `Fund.lowestBalance` read from the fund's row (issue 20): each fund keeps its lowest end-of-day
 * balance and the first day it was reached, set in the same transaction as every entry written to
 * it (src/fund/ledger.ts). Reading it from the entries took 2.5 s for the 168 funds of the full
 * seed. Existing funds are filled here from their entries, by the rule of that time (the running
 * balance by day, the lowest, the earliest day of it; a fund without entries stays null). The
 * statement is written out here, not imported, so the migration keeps meaning what it meant.
 */
export class FundLowestBalance1764100000021 implements MigrationInterface {
  name = "FundLowestBalance1764100000021";

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both databases: SQLite adds a nullable column without rebuilding the table.
    await q.query(`ALTER TABLE fund ADD COLUMN lowest_balance_on date NULL`);
    await q.query(`ALTER TABLE fund ADD COLUMN lowest_balance_vnd bigint NULL`);
    const lowest = (await q.query(
      `WITH days AS (SELECT fund_id, entry_on, SUM(amount_vnd) AS net FROM fund_entry GROUP BY fund_id, entry_on),
            running AS (SELECT fund_id, entry_on,
                               SUM(net) OVER (PARTITION BY fund_id ORDER BY entry_on ROWS UNBOUNDED PRECEDING) AS balance
                          FROM days),
            ranked AS (SELECT fund_id, entry_on, balance,
                              ROW_NUMBER() OVER (PARTITION BY fund_id ORDER BY balance, entry_on) AS n
                         FROM running)
       SELECT fund_id, entry_on, balance FROM ranked WHERE n = 1`,
    )) as { fund_id: string; entry_on: string; balance: string | number }[];
    const update = placeholders(
      q.connection,
      "UPDATE fund SET lowest_balance_on = ?, lowest_balance_vnd = ? WHERE id = ?",
    );
    for (const r of lowest) await q.query(update, [String(r.entry_on), String(r.balance), r.fund_id]);
  }

  async down(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE again: rebuilding the table on SQLite would break the ledger's foreign keys.
    await q.query(`ALTER TABLE fund DROP COLUMN lowest_balance_vnd`);
    await q.query(`ALTER TABLE fund DROP COLUMN lowest_balance_on`);
  }
}
