import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { placeholders, vndOf } from "@danvan/kit";
import { lowestBalancesOf } from "../src/fund/balance-by-date.js";
import { unitOfFund } from "../src/fund/fund.entity.js";
import { carryOversOf, funds2025 } from "../src/fund/funds-2025.js";

/** The tables whose `district_code` was NOT NULL (mobilisation_model's and member_project's never were). */
const DISTRICT_TABLES = ["household", "poverty_classification", "solidarity_house"] as const;
const FUND_COLUMNS = [
  ["closed_on", "date"],
  ["successor_fund_id", "varchar(16)"],
  ["carry_transfer_id", "integer"],
] as const;

type Row = Record<string, string | number | null>;

/**
 * Issue 27: writes on the map of their day, and the funds follow the map.
 *
 * From 2025-07-01 there are no districts (Law 72/2025/QH15, Resolution 202/2025/QH15): a household
 * registered at a 2025 commune, a review of 2025 on, a house proposed from then have none, so
 * `district_code` may be null. The fund table gets each fund's last day, its successor and the
 * transfer that carried its balance over. On a database that already holds the 2019 map's funds
 * (a new one gets them from the seed), it writes what the seed writes (src/fund/funds-2025.ts):
 * the 103 funds of the 2025 map and, for each of the 168 funds, in date order, a transfer of its
 * balance at the end of its last day to its successor on the next day, with both ledger entries,
 * and every touched fund's lowest balance. Entries already recorded in an old fund after its last
 * day (none in the seeded data) stay where they are: only the balance of the last day is carried.
 *
 * `down` refuses while records of the 2025 map exist (a null district, or a 2025 fund's entry
 * other than its carry-ins): reset the database instead. Otherwise it takes back the carry-overs
 * and the 2025 funds. On SQLite it leaves `district_code` nullable: TypeORM's rebuild of the
 * table would run inside undoLastMigration's transaction, where SQLite cannot turn the foreign
 * keys off (services/petitions/migrations/1764200000080-units-through-time.ts), and the code
 * before this migration always writes a district.
 */
export class UnitsThroughTime1764100000040 implements MigrationInterface {
  name = "UnitsThroughTime1764100000040";

  async up(q: QueryRunner): Promise<void> {
    for (const table of DISTRICT_TABLES) {
      if (q.connection.options.type === "postgres")
        await q.query(`ALTER TABLE "${table}" ALTER COLUMN "district_code" DROP NOT NULL`);
      // SQLite rebuilds the table with its rows and indexes; the foreign keys are off while
      // migrations run up, so the rows that refer to it stay (migration test).
      else
        await q.changeColumn(
          table,
          "district_code",
          new TableColumn({ name: "district_code", type: "varchar", length: "10", isNullable: true }),
        );
    }
    for (const [column, type] of FUND_COLUMNS) await q.query(`ALTER TABLE "fund" ADD COLUMN "${column}" ${type}`);
    await carryOver(q);
  }

  async down(q: QueryRunner): Promise<void> {
    const sql = (text: string, params: unknown[] = []) =>
      q.query(placeholders(q.connection, text), params) as Promise<Row[]>;
    for (const table of DISTRICT_TABLES) {
      const [row] = await sql(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "district_code" IS NULL`);
      if (Number(row!.n) > 0)
        throw new Error(`${table}: records of the 2025 map (no district) exist: reset the database instead`);
    }
    const [used] = await sql(
      `SELECT COUNT(*) AS "n" FROM fund_entry e WHERE e.fund_id LIKE 'QVNN-%-25'
          AND NOT (e.ref_type = 'FundTransfer' AND e.ref_id IN
                   (SELECT CAST(f.carry_transfer_id AS TEXT) FROM fund f WHERE f.carry_transfer_id IS NOT NULL))`,
    );
    const [houses] = await sql(`SELECT COUNT(*) AS "n" FROM solidarity_house WHERE fund_id LIKE 'QVNN-%-25'`);
    if (Number(used!.n) + Number(houses!.n) > 0)
      throw new Error("the 2025 map's funds hold entries or pay for houses: reset the database instead");
    const carried = await sql(
      `SELECT f.id, t.id AS transfer_id, t.to_fund_id, t.transferred_on
         FROM fund f JOIN fund_transfer t ON t.id = f.carry_transfer_id`,
    );
    for (const c of carried) {
      // Both sides through the ledger's (fund, date) index.
      await sql(
        `DELETE FROM fund_entry WHERE fund_id IN (?, ?) AND entry_on = ? AND ref_type = 'FundTransfer' AND ref_id = ?`,
        [c.id, c.to_fund_id, String(c.transferred_on).slice(0, 10), String(c.transfer_id)],
      );
      await sql(`DELETE FROM fund_transfer WHERE id = ?`, [Number(c.transfer_id)]);
    }
    await sql(`DELETE FROM fund WHERE id LIKE 'QVNN-%-25'`);
    await keepLowestBalances(
      q,
      carried.map((f) => String(f.id)),
    );
    for (const [column] of FUND_COLUMNS) await q.query(`ALTER TABLE "fund" DROP COLUMN "${column}"`);
    if (q.connection.options.type === "postgres")
      for (const table of DISTRICT_TABLES)
        await q.query(`ALTER TABLE "${table}" ALTER COLUMN "district_code" SET NOT NULL`);
  }
}

/** The 2025 funds and the carry-overs, on a database that holds the 2019 map's funds. */
async function carryOver(q: QueryRunner): Promise<void> {
  const sql = (text: string, params: unknown[] = []) =>
    q.query(placeholders(q.connection, text), params) as Promise<Row[]>;
  const open = await sql(`SELECT id FROM fund WHERE closed_on IS NULL AND id NOT LIKE 'QVNN-%-25'`);
  if (open.length === 0) return;
  const existing = new Set((await sql(`SELECT id FROM fund`)).map((r) => String(r.id)));
  for (const f of funds2025().filter((n) => !existing.has(n.id))) {
    await sql(`INSERT INTO fund (id, organisation_id, unit_code, name, opened_on) VALUES (?, ?, ?, ?, ?)`, [
      f.id,
      f.organisationId,
      f.unitCode,
      f.name,
      f.openedOn,
    ]);
    existing.add(f.id);
  }
  const touched = new Set<string>();
  const olds = new Set(open.map((r) => String(r.id)));
  for (const c of carryOversOf(open.map((r) => unitOfFund(String(r.id))))) {
    if (!olds.has(c.fromFundId) || !existing.has(c.toFundId)) continue;
    const [balance] = await sql(
      `SELECT COALESCE(SUM(amount_vnd), 0) AS "b" FROM fund_entry WHERE fund_id = ? AND entry_on <= ?`,
      [c.fromFundId, c.lastDay],
    );
    const amount = vndOf(balance!.b ?? 0);
    const [transfer] = await sql(
      `INSERT INTO fund_transfer (from_fund_id, to_fund_id, amount_vnd, transferred_on, note)
       VALUES (?, ?, ?, ?, ?) RETURNING id`,
      [c.fromFundId, c.toFundId, amount.toString(), c.on, c.note],
    );
    const id = Number(transfer!.id);
    for (const [fundId, kind, signed] of [
      [c.fromFundId, "TRANSFER_OUT", -amount],
      [c.toFundId, "TRANSFER_IN", amount],
    ] as const)
      await sql(
        `INSERT INTO fund_entry (fund_id, unit_code, entry_on, kind, amount_vnd, ref_type, ref_id)
         VALUES (?, ?, ?, ?, ?, 'FundTransfer', ?)`,
        [fundId, unitOfFund(fundId), c.on, kind, signed.toString(), String(id)],
      );
    await sql(`UPDATE fund SET closed_on = ?, successor_fund_id = ?, carry_transfer_id = ? WHERE id = ?`, [
      c.lastDay,
      c.toFundId,
      id,
      c.fromFundId,
    ]);
    touched.add(c.fromFundId).add(c.toFundId);
  }
  await keepLowestBalances(q, [...touched]);
}

/** Each fund's lowest end-of-day balance, recomputed from its entries onto its row (as ledger.ts keeps it). */
async function keepLowestBalances(q: QueryRunner, fundIds: string[]): Promise<void> {
  if (fundIds.length === 0) return;
  const lowest = new Map((await lowestBalancesOf(q.manager, fundIds)).map((l) => [l.fundId, l]));
  for (const id of fundIds) {
    const l = lowest.get(id);
    await q.query(
      placeholders(q.connection, "UPDATE fund SET lowest_balance_on = ?, lowest_balance_vnd = ? WHERE id = ?"),
      [l?.on ?? null, l ? l.balanceVnd.toString() : null, id],
    );
  }
}
