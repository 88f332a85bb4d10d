import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, startHarness, type Harness } from "../src/testing/harness.js";
import { CONTRIBUTE } from "../src/fund/fund-books.fixture.js";
import { UnitsThroughTime1764100000040 } from "./1764100000040-units-through-time.js";
import { StandardFor20261764100000050 } from "./1764100000050-standard-for-2026.js";

type Row = Record<string, string | number | null>;

/**
 * Migration 1764100000040 on the seeded books (SQLite by default, PostgreSQL with
 * TEST_DATABASE=postgres): down refuses over the seed's records of the 2025 map (its end-2025
 * review, houses, receipts and payments of the 2025 funds) and writes nothing; with those records
 * taken out, down takes back the 2025 funds and the carry-overs the seed wrote, and up writes the
 * same again from the rows, keeping every row that refers to the rebuilt tables (SQLite rebuilds a
 * table to drop NOT NULL). Migration 1764100000050 (the 2026 standard) is the last: it comes off first.
 */
describe("migration 1764100000040: districts of the day and the funds' carry-overs, down and up again", () => {
  let h: Harness;
  const sql = async (text: string) => (await h.ds.query(text)) as Row[];
  const count = async (table: string) => Number((await sql(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  const day = (v: unknown) => (v === null ? null : String(v).slice(0, 10));
  /** The carry-overs as the books hold them, without their ids. */
  const carries = async () =>
    (
      await sql(`SELECT t.from_fund_id, t.to_fund_id, t.amount_vnd, t.transferred_on, t.note, f.closed_on
                   FROM fund f JOIN fund_transfer t ON t.id = f.carry_transfer_id ORDER BY t.from_fund_id`)
    ).map((r) => [r.from_fund_id, r.to_fund_id, String(r.amount_vnd), day(r.transferred_on), r.note, day(r.closed_on)]);
  const funds = async () =>
    (
      await sql(`SELECT id, organisation_id, unit_code, name, opened_on, lowest_balance_on, lowest_balance_vnd,
                        closed_on, successor_fund_id FROM fund ORDER BY id`)
    ).map((r) => [
      r.id,
      r.organisation_id,
      r.unit_code,
      r.name,
      day(r.opened_on),
      day(r.lowest_balance_on),
      r.lowest_balance_vnd === null ? null : String(r.lowest_balance_vnd),
      day(r.closed_on),
      r.successor_fund_id,
    ]);
  const column = async (table: string, name: string) => {
    const runner = h.ds.createQueryRunner();
    try {
      return (await runner.getTable(table))?.findColumnByName(name);
    } finally {
      await runner.release();
    }
  };
  const indexNames = async (table: string) => {
    const runner = h.ds.createQueryRunner();
    try {
      return ((await runner.getTable(table))?.indices ?? []).map((i) => i.name).sort();
    } finally {
      await runner.release();
    }
  };
  const children = () =>
    Promise.all(["household", "poverty_classification", "support_event", "solidarity_house"].map(count));

  /** Goes down through 1764100000040 (1764100000050, the 2026 standard, comes off first and back on if 040 refuses). */
  const downThrough40 = async () => {
    await h.ds.undoLastMigration({ transaction: "each" });
    try {
      await h.ds.undoLastMigration({ transaction: "each" });
    } catch (err) {
      await h.ds.runMigrations({ transaction: "each" });
      throw err;
    }
  };
  /** Every table the down could touch, counted. */
  const books = () =>
    Promise.all(
      ["fund", "fund_transfer", "fund_entry", "household", "poverty_classification", "solidarity_house"].map(count),
    );

  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it("refuses to go down over the seed's records of the 2025 map, and writes nothing", async () => {
    const [mapped] = await sql(`SELECT COUNT(*) AS n FROM poverty_classification WHERE district_code IS NULL`);
    assert.ok(Number(mapped!.n) > 0, "the seed's end-2025 review is on the 2025 map");
    const before = { books: await books(), carries: await carries(), funds: await funds() };
    await assert.rejects(downThrough40(), /reset the database/);
    assert.deepEqual(await books(), before.books, "nothing taken back");
    assert.deepEqual(await carries(), before.carries);
    assert.deepEqual(await funds(), before.funds);
    assert.equal((await column("fund", "closed_on"))?.name, "closed_on");
  });

  it("without records of the 2025 map, takes back the 2025 funds and carry-overs, and writes the same again from the rows", async () => {
    // The seed's records of the 2025 map taken out first, as a database of the 2019 map would be:
    // the reviews, houses and households without a district, and what the 2025 funds hold beyond their carry-ins.
    const carryIds = `SELECT CAST(carry_transfer_id AS TEXT) FROM fund WHERE carry_transfer_id IS NOT NULL`;
    await sql(`DELETE FROM poverty_classification WHERE district_code IS NULL`);
    await sql(`DELETE FROM solidarity_house WHERE district_code IS NULL OR fund_id LIKE 'QVNN-%-25'`);
    await sql(`DELETE FROM household WHERE district_code IS NULL`);
    await sql(`DELETE FROM support_event WHERE fund_id LIKE 'QVNN-%-25'`);
    await sql(`DELETE FROM contribution WHERE fund_id LIKE 'QVNN-%-25'`);
    await sql(
      `DELETE FROM fund_entry WHERE fund_id LIKE 'QVNN-%-25' AND NOT (ref_type = 'FundTransfer' AND ref_id IN (${carryIds}))`,
    );
    await sql(
      `DELETE FROM fund_transfer WHERE (from_fund_id LIKE 'QVNN-%-25' OR to_fund_id LIKE 'QVNN-%-25')
          AND CAST(id AS TEXT) NOT IN (${carryIds})`,
    );
    const seeded = {
      carries: await carries(),
      funds: (await funds()).filter((f) => !String(f[0]).endsWith("-25")),
      children: await children(),
    };
    const indexes = await Promise.all(["household", "poverty_classification", "solidarity_house"].map(indexNames));
    assert.equal(seeded.carries.length, 168);
    const transfers = await count("fund_transfer");
    const entries = await count("fund_entry");

    await downThrough40();
    assert.equal(await count("fund"), 168, "the 2025 funds are gone");
    assert.equal(await count("fund_transfer"), transfers - 168);
    assert.equal(await count("fund_entry"), entries - 2 * 168);
    assert.equal(await column("fund", "closed_on"), undefined);
    // The old funds' entries run to their last day (2025-06-30); none is left after.
    assert.equal(Number((await sql(`SELECT COUNT(*) AS n FROM fund_entry WHERE entry_on >= '2025-07-01'`))[0]!.n), 0);
    assert.ok(Number((await sql(`SELECT COUNT(*) AS n FROM fund_entry WHERE entry_on >= '2025-01-01'`))[0]!.n) > 0);
    // PostgreSQL restores NOT NULL; SQLite keeps the column nullable (the migration says why).
    assert.equal((await column("household", "district_code"))?.isNullable, h.db.kind !== "postgres");

    const applied = await h.ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      [new UnitsThroughTime1764100000040().name, new StandardFor20261764100000050().name],
    );
    assert.deepEqual(await carries(), seeded.carries, "the same carry-overs as the seed's");
    assert.deepEqual(
      (await funds()).filter((f) => !String(f[0]).endsWith("-25")),
      seeded.funds,
      "the same funds of the 2019 map, closures and lowest balances",
    );
    assert.equal(await count("fund"), 271, "the 103 funds of the 2025 map again");
    assert.deepEqual(await children(), seeded.children, "every row that refers to a rebuilt table stays");
    assert.deepEqual(
      await Promise.all(["household", "poverty_classification", "solidarity_house"].map(indexNames)),
      indexes,
    );
    for (const table of ["household", "poverty_classification", "solidarity_house"])
      assert.equal((await column(table, "district_code"))?.isNullable, true, table);
  });

  it("refuses to go down while records of the 2025 map exist", async () => {
    await sql(
      `INSERT INTO household (commune_code, district_code, head_name, member_count, area, registered_on, version)
       VALUES ('30307', NULL, 'Hộ Thử Nghiệm', 3, 'URBAN', '2026-01-05', 1)`,
    );
    await assert.rejects(downThrough40(), /reset the database/);
    await sql(`DELETE FROM household WHERE registered_on = '2026-01-05'`);
    const credit = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      variables: {
        input: {
          fundId: "QVNN-30307-25",
          receivedOn: "2025-09-01",
          form: "CASH",
          amountVnd: 1000,
          donorKind: "ANONYMOUS",
          collectedByUnitCode: "30307",
          receiptNumber: "MIGRATION-1",
        },
      },
    });
    assert.equal(credit.errors, undefined, JSON.stringify(credit.errors));
    await assert.rejects(downThrough40(), /reset the database/);
    assert.equal(await count("fund"), 271, "nothing taken back");
  });
});
