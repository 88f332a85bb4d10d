import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The ledger by date (issue 20): a debit is checked against the fund's running balance from its
 * date on, and `Fund.balanceOn` / `Fund.lowestBalance` read it, all from a fund's entries in date
 * order. The fund's index now covers the amount too, so those statements read the index alone
 * (SQLite's plan: SEARCH fund_entry USING COVERING INDEX ix_fund_entry_fund). No table is added:
 * the running balance is a window sum over the index, so the seed's bulk load and every write
 * keep it without a rollup.
 */
export class FundLedgerByDate1764100000020 implements MigrationInterface {
  name = "FundLedgerByDate1764100000020";

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex("fund_entry", "ix_fund_entry_fund");
    await q.createIndex(
      "fund_entry",
      new TableIndex({ name: "ix_fund_entry_fund", columnNames: ["fund_id", "entry_on", "amount_vnd"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("fund_entry", "ix_fund_entry_fund");
    await q.createIndex(
      "fund_entry",
      new TableIndex({ name: "ix_fund_entry_fund", columnNames: ["fund_id", "entry_on"] }),
    );
  }
}
