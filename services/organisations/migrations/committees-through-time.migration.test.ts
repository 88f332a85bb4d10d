import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor, placeholders } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { organisationsSubgraph } from "../src/definition.js";
import { organisationRows } from "../seed/committees.js";
import { migrations } from "./index.js";
import { CommitteesThroughTime1764000000005 } from "./1764000000005-committees-through-time.js";

/**
 * Migration 1764000000005 on a database the code before it left (the 2019 map's committees, a
 * member): it writes what the seed writes for a new one (the 2025 committees, the old ones' last
 * days, closure and successions), and its `down` takes them back, refusing while a 2025 committee
 * holds a record. SQLite by default, PostgreSQL with TEST_DATABASE=postgres.
 */
describe("migration 1764000000005: committees through time on an existing database", () => {
  let db: TestDatabase;
  let ds: DataSource;
  const seeded = organisationRows();
  const old = seeded.organisations.filter((o) => o.validFrom === null);
  const raw = (sql: string, params: unknown[] = []) =>
    ds.query(placeholders(ds, sql), params) as Promise<Record<string, unknown>[]>;
  const open = async (list: unknown[]) => {
    const s = dataSourceFor(
      { ...organisationsSubgraph, migrations: list as never },
      { ...db.env, DB_POOL_SIZE: 2, DB_ACQUIRE_TIMEOUT_MS: 5000 },
      createLogger("organisations-test", "silent"),
    );
    await s.initialize();
    return s;
  };
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await raw(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}`,
        chunk.flat(),
      );
    }
  };
  const columns = async (table: string) => {
    const runner = ds.createQueryRunner();
    try {
      return (await runner.getTable(table))?.columns.map((c) => c.name) ?? null;
    } finally {
      await runner.release();
    }
  };

  before(async () => {
    db = await createTestDatabase("organisations-committees-migration");
    ds = await open(migrations.slice(0, migrations.indexOf(CommitteesThroughTime1764000000005)));
    await ds.runMigrations({ transaction: "each" });
    const ids = new Set(old.map((o) => o.id));
    await insert(
      "organisation",
      ["id", "kind", "name", "unit_code", "parent_id", "workplace_sector"],
      old.map((o) => [o.id, o.kind, o.name, o.unitCode, o.parentId, o.workplaceSector]),
    );
    await insert(
      "organisation_closure",
      ["ancestor_id", "descendant_id", "depth"],
      seeded.closure.filter((c) => ids.has(c.descendantId)).map((c) => [c.ancestorId, c.descendantId, c.depth]),
    );
    await insert(
      "member",
      ["organisation_id", "full_name", "gender", "birth_year", "joined_on", "left_on", "status", "version"],
      [["HPN-30286", "Nguyễn Thị Một", "FEMALE", 1980, "2019-03-01", null, "ACTIVE", 1]],
    );
    await ds.destroy();
    ds = await open(migrations);
  });
  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it("writes the 2025 committees, ends the old ones and links them as the seed does", async () => {
    const applied = await ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      [new CommitteesThroughTime1764000000005().name],
    );
    const day = (v: unknown) => (v === null ? null : String(v).slice(0, 10));
    const rows = await raw(`SELECT id, parent_id, valid_from, valid_to FROM organisation ORDER BY id`);
    assert.deepEqual(
      rows.map((r) => [r.id, r.parent_id, day(r.valid_from), day(r.valid_to)]),
      [...seeded.organisations]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((o) => [o.id, o.parentId, o.validFrom, o.validTo]),
    );
    const [{ n }] = await raw(`SELECT COUNT(*) AS n FROM organisation_closure`);
    assert.equal(Number(n), seeded.closure.length);
    const links = await raw(`SELECT from_id, to_id, on_date FROM organisation_succession ORDER BY from_id`);
    assert.deepEqual(
      links.map((r) => [r.from_id, r.to_id, day(r.on_date)]),
      [...seeded.successions].sort((a, b) => (a.fromId < b.fromId ? -1 : 1)).map((s) => [s.fromId, s.toId, s.onDate]),
    );
  });

  it("refuses to go back while a 2025 committee holds a member, then takes back only its own", async () => {
    await raw(
      `INSERT INTO member (organisation_id, full_name, gender, birth_year, joined_on, left_on, status, version)
       VALUES ('HPN-30307-25', 'Nguyễn Thị Hai', 'FEMALE', 1990, '2025-09-01', NULL, 'ACTIVE', 1)`,
    );
    await assert.rejects(ds.undoLastMigration({ transaction: "each" }), /member rows of the 2025 committees/);
    await raw(`DELETE FROM member WHERE organisation_id = 'HPN-30307-25'`);
    await ds.undoLastMigration({ transaction: "each" });
    assert.equal(await columns("organisation_succession"), null);
    const kept = await columns("organisation");
    assert.ok(kept && !kept.includes("valid_from") && !kept.includes("valid_to"));
    const [{ n }] = await raw(`SELECT COUNT(*) AS n FROM organisation`);
    assert.equal(Number(n), old.length);
    const [{ m }] = await raw(`SELECT COUNT(*) AS m FROM member WHERE organisation_id = 'HPN-30286'`);
    assert.equal(Number(m), 1, "the old committees' members stay");
    // The key (unit, kind) of the committees of units holds again as before.
    await assert.rejects(
      raw(`INSERT INTO organisation (id, kind, name, unit_code) VALUES ('HPN-X', 'WOMENS_UNION', 'x', '30307')`),
    );
    const [{ c }] = await raw(`SELECT COUNT(*) AS c FROM organisation_closure`);
    assert.equal(Number(c), seeded.closure.filter((x) => !x.descendantId.endsWith("-25")).length);
  });
});
