import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor, placeholders } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { communeOfTheDay, REORGANISATION_2025 } from "@danvan/kit/units";
import { organisationsSubgraph } from "../src/definition.js";
import { organisationRows } from "../seed/committees.js";
import { OrganisationKind } from "../src/organisations/organisation-kind.js";
import { migrations } from "./index.js";
import { CommitteesThroughTime1764000000005 } from "./1764000000005-committees-through-time.js";
import { SplitCommunes1764000000006 } from "./1764000000006-split-communes.js";
import { committeeId2025 } from "../src/organisations/committees-through-time.js";

/**
 * Migrations 1764000000005 and 1764000000006 on a database the code before them left (the 2019
 * map's committees, members, some in split communes): 5 writes the 2025 committees, the old
 * ones' last days, closure and one succession per old committee; 6 makes a split commune's
 * succession `part`, adds one into each of its other parts and carries each of its members to
 * the part where they live, which together is what the seed writes for a new database. Each
 * `down` takes its own back (5 refusing while a 2025 committee holds a record). SQLite by
 * default, PostgreSQL with TEST_DATABASE=postgres.
 */
describe("migrations 1764000000005 and 1764000000006: committees through time on an existing database", () => {
  let db: TestDatabase;
  let ds: DataSource;
  /** The successions as migration 5 left them, to compare after migration 6's `down`. */
  let afterFive: unknown[][];
  const seeded = organisationRows();
  // Ids 1, 2, … in this order: one of an unsplit commune, six of split communes (two and three parts).
  const MEMBERS = [
    ["HPN-30286", "Nguyễn Thị Một"],
    ...["HPN-30334", "HPN-30334", "HPN-30334", "HPN-30358", "HPN-30358", "HPN-30358"].map((o, i) => [o, `Lê Thị ${i}`]),
  ] as const;
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
  const day = (v: unknown) => (v === null ? null : String(v).slice(0, 10));
  const byKey = (a: unknown[], b: unknown[]) => (a.join(">") < b.join(">") ? -1 : a.join(">") > b.join(">") ? 1 : 0);
  const reopen = async (list: unknown[]) => {
    await ds.destroy();
    return open(list);
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
      MEMBERS.map(([org, name]) => [org, name, "FEMALE", 1980, "2019-03-01", null, "ACTIVE", 1]),
    );
    await ds.destroy();
    // Migration 5 first, on its own; migration 6 in its own test.
    ds = await open(migrations.slice(0, migrations.indexOf(CommitteesThroughTime1764000000005) + 1));
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
    const rows = await raw(`SELECT id, parent_id, valid_from, valid_to FROM organisation ORDER BY id`);
    assert.deepEqual(
      rows.map((r) => [r.id, r.parent_id, day(r.valid_from), day(r.valid_to)]),
      [...seeded.organisations]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((o) => [o.id, o.parentId, o.validFrom, o.validTo]),
    );
    const [{ n }] = await raw(`SELECT COUNT(*) AS n FROM organisation_closure`);
    assert.equal(Number(n), seeded.closure.length);
    const links = await raw(`SELECT from_id, to_id, on_date FROM organisation_succession`);
    afterFive = links.map((r) => [r.from_id, r.to_id, day(r.on_date)]).sort(byKey);
    // The seed's successions but a split commune's other parts (migration 6 adds them): one per old committee.
    const partsAdded = seeded.successions.filter(
      (s) => s.share === "part" && s.toId !== [...seeded.split.get(s.fromId)!].sort()[0],
    );
    assert.ok(partsAdded.length > 0);
    assert.deepEqual(
      afterFive,
      seeded.successions
        .filter((s) => !partsAdded.includes(s))
        .map((s) => [s.fromId, s.toId, s.onDate])
        .sort(byKey),
    );
    assert.equal(afterFive.length, old.filter((o) => o.workplaceSector === null).length);
  });

  it("migration 6 makes a split commune's successions `part`, one per part, and carries each member to the part where they live", async () => {
    ds = await reopen(migrations);
    const applied = await ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      [new SplitCommunes1764000000006().name],
    );
    const links = await raw(`SELECT from_id, to_id, on_date, share FROM organisation_succession`);
    assert.deepEqual(
      links.map((r) => [r.from_id, r.to_id, day(r.on_date), r.share]).sort(byKey),
      seeded.successions.map((s) => [s.fromId, s.toId, s.onDate, s.share]).sort(byKey),
    );
    // Counted from the seed's split committees: each adds a succession per part but the first.
    const added = [...seeded.split.values()].reduce((n, parts) => n + parts.length - 1, 0);
    assert.equal(links.length, afterFive.length + added);
    // Each split commune's member, by the kit's rule for a record of an old commune keyed by its id.
    const carried = await raw(`SELECT member_id, to_id, on_date FROM member_carry ORDER BY member_id`);
    const expected = MEMBERS.flatMap(([org], i) => {
      if (!seeded.split.has(org)) return [];
      const unit = org.split("-")[1]!;
      const code = communeOfTheDay(unit, "2025-06-30", REORGANISATION_2025, i + 1)!;
      return [[i + 1, committeeId2025(OrganisationKind.WOMENS_UNION, code), REORGANISATION_2025]];
    });
    assert.equal(expected.length, MEMBERS.length - 1);
    assert.deepEqual(
      carried.map((r) => [Number(r.member_id), r.to_id, day(r.on_date)]),
      expected,
    );
    // HPN-30358's three members land in its three parts, not all in the first.
    assert.equal(new Set(expected.slice(3).map((e) => e[1])).size, 3);
  });

  it("migration 6 goes back: no carry rows, no share, one succession per old committee again", async () => {
    await ds.undoLastMigration({ transaction: "each" });
    assert.equal(await columns("member_carry"), null);
    assert.ok(!(await columns("organisation_succession"))!.includes("share"));
    const links = await raw(`SELECT from_id, to_id, on_date FROM organisation_succession`);
    assert.deepEqual(links.map((r) => [r.from_id, r.to_id, day(r.on_date)]).sort(byKey), afterFive);
    const [{ n }] = await raw(`SELECT COUNT(*) AS n FROM member`);
    assert.equal(Number(n), MEMBERS.length, "no member row is touched");
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
    const [{ m }] = await raw(`SELECT COUNT(*) AS m FROM member`);
    assert.equal(Number(m), MEMBERS.length, "the old committees' members stay");
    // The key (unit, kind) of the committees of units holds again as before.
    await assert.rejects(
      raw(`INSERT INTO organisation (id, kind, name, unit_code) VALUES ('HPN-X', 'WOMENS_UNION', 'x', '30307')`),
    );
    const [{ c }] = await raw(`SELECT COUNT(*) AS c FROM organisation_closure`);
    assert.equal(Number(c), seeded.closure.filter((x) => !x.descendantId.endsWith("-25")).length);
  });
});
