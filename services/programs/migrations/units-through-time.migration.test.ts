import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, startHarness, type Harness } from "../src/testing/harness.js";
import { CONTRIBUTE } from "../src/fund/fund-books.fixture.js";
import { UnitsThroughTime1764100000040 } from "./1764100000040-units-through-time.js";

type Row = Record<string, string | number | null>;

/**
 * Migration 1764100000040 on the seeded books (SQLite by default, PostgreSQL with
 * TEST_DATABASE=postgres): down takes back the 2025 funds and the carry-overs the seed wrote, up
 * writes the same again from the rows, keeping every row that refers to the rebuilt tables
 * (SQLite rebuilds a table to drop NOT NULL); down refuses while records of the 2025 map exist.
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

  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it("takes back the seed's 2025 funds and carry-overs, and writes the same again from the rows", async () => {
    const seeded = { carries: await carries(), funds: await funds(), children: await children() };
    const indexes = await Promise.all(["household", "poverty_classification", "solidarity_house"].map(indexNames));
    assert.equal(seeded.carries.length, 168);
    const transfers = await count("fund_transfer");
    const entries = await count("fund_entry");

    await h.ds.undoLastMigration({ transaction: "each" });
    assert.equal(await count("fund"), 168, "the 2025 funds are gone");
    assert.equal(await count("fund_transfer"), transfers - 168);
    assert.equal(await count("fund_entry"), entries - 2 * 168);
    assert.equal(await column("fund", "closed_on"), undefined);
    assert.equal(Number((await sql(`SELECT COUNT(*) AS n FROM fund_entry WHERE entry_on >= '2025-01-01'`))[0]!.n), 0);
    // PostgreSQL restores NOT NULL; SQLite keeps the column nullable (the migration says why).
    assert.equal((await column("household", "district_code"))?.isNullable, h.db.kind !== "postgres");

    const applied = await h.ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      [new UnitsThroughTime1764100000040().name],
    );
    assert.deepEqual(await carries(), seeded.carries, "the same carry-overs as the seed's");
    assert.deepEqual(await funds(), seeded.funds, "the same funds, closures and lowest balances");
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
    await assert.rejects(h.ds.undoLastMigration({ transaction: "each" }), /reset the database/);
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
    await assert.rejects(h.ds.undoLastMigration({ transaction: "each" }), /reset the database/);
    assert.equal(await count("fund"), 271, "nothing taken back");
  });
});
