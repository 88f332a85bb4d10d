import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { petitionsSubgraph } from "../src/definition.js";
import { DECLARED_DAYS } from "../src/deadlines/declared-days.js";
import { migrations } from "./index.js";
import { ADDED_DAYS, DeclaredDays1764200000070 } from "./1764200000070-declared-days-2016-2026.js";
import { Forwarding1764200000060 } from "./1764200000060-forwarding.js";
import { UnitsThroughTime1764200000080 } from "./1764200000080-units-through-time.js";
import { ComplaintAcceptance20261764200000090 } from "./1764200000090-complaint-acceptance-2026.js";
import { PetitionsAcrossTheChange1764200000100 } from "./1764200000100-petitions-across-the-change.js";

const FORWARDING_COLUMNS = [
  "forwarded_to_body_id",
  "forwarded_on",
  "forward_legal_basis",
  "forward_follow_up_due_on",
  "forward_answered_on",
  "first_round_petition_id",
];
const ADMIN_DAY = "2025-09-01";

/**
 * Every petitions migration's `down` (the identities' is identity-migration.test.ts's, with rows):
 * up on a fresh database, then back one migration at a time to none, checking what each one
 * removes, then up again. SQLite by default, PostgreSQL with TEST_DATABASE=postgres.
 */
describe("the petitions migrations, reverted one by one (SQLite and PostgreSQL)", () => {
  let db: TestDatabase;
  let ds: DataSource;
  const logger = createLogger("petitions-test", "silent");
  const open = async (list: unknown[]) => {
    const s = dataSourceFor(
      { ...petitionsSubgraph, migrations: list as never },
      { ...db.env, DB_POOL_SIZE: 2, DB_ACQUIRE_TIMEOUT_MS: 5000 },
      logger,
    );
    await s.initialize();
    return s;
  };
  const raw = (sql: string, params: unknown[] = []) =>
    ds.query(
      db.kind === "postgres" ? sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split("?").length}`) : sql,
      params,
    ) as Promise<Record<string, unknown>[]>;
  const columns = async (table: string) => {
    const runner = ds.createQueryRunner();
    try {
      const t = await runner.getTable(table);
      return t ? t.columns.map((c) => c.name) : null;
    } finally {
      await runner.release();
    }
  };
  const nullable = async (table: string, column: string) => {
    const runner = ds.createQueryRunner();
    try {
      return (await runner.getTable(table))?.findColumnByName(column)?.isNullable;
    } finally {
      await runner.release();
    }
  };
  const indexNames = async (table: string) => {
    const runner = ds.createQueryRunner();
    try {
      return ((await runner.getTable(table))?.indices ?? []).map((i) => i.name);
    } finally {
      await runner.release();
    }
  };
  const declared = async () =>
    (await raw("SELECT on_date, declared_by FROM declared_calendar_day ORDER BY on_date")).map((r) => [
      String(r.on_date).slice(0, 10),
      r.declared_by,
    ]);
  const dueDates = async () =>
    (await raw("SELECT acceptance_due_on, due_on FROM petition WHERE id = 1")).map((r) => [
      String(r.acceptance_due_on).slice(0, 10),
      String(r.due_on).slice(0, 10),
    ])[0];

  before(async () => {
    db = await createTestDatabase("petitions-migrations-down");
    // A database as the code before the 2016–2026 days left it: migrated to forwarding, without
    // those days, with an administrator's declaration of one of them, and a denunciation whose
    // acceptance deadline the first calendar counted without Saturday 5/1/2019 worked.
    ds = await open(migrations.slice(0, migrations.indexOf(Forwarding1764200000060) + 1));
    await ds.runMigrations({ transaction: "each" });
    await raw(`DELETE FROM declared_calendar_day WHERE on_date IN (${ADDED_DAYS.map(() => "?").join(", ")})`, [
      ...ADDED_DAYS,
    ]);
    await raw("INSERT INTO declared_calendar_day (on_date, working, decision, declared_by) VALUES (?, ?, ?, ?)", [
      ADMIN_DAY,
      false,
      "declared by an administrator before the migration",
      "admin-1",
    ]);
    // 7 working days from Wed 2/1/2019: to Fri 11/1 without the Saturday, Thu 10/1 with it.
    await raw(
      "INSERT INTO petition (id, kind, channel, commune_code, district_code, summary, received_on, complexity, status, last_step_on, acceptance_due_on, due_on) VALUES (1, 'DENUNCIATION', 'DIRECT', '30280', '883', 'Tố cáo cán bộ ấp', '2019-01-02', 'NORMAL', 'RECEIVED', '2019-01-02', '2019-01-11', '2019-01-11')",
    );
    // A complaint received on Friday 3/7/2026, its acceptance counted by the old 10 calendar days
    // (Monday 13/7); from 2026-07-01 the law gives 7 working days: Tuesday 14/7.
    await raw(
      "INSERT INTO petition (id, kind, complaint_round, channel, commune_code, district_code, summary, received_on, complexity, status, last_step_on, acceptance_due_on, due_on) VALUES (3, 'COMPLAINT', 'FIRST', 'DIRECT', '30280', '883', 'Khiếu nại quyết định thu hồi đất', '2026-07-03', 'NORMAL', 'RECEIVED', '2026-07-03', '2026-07-13', '2026-07-13')",
    );
    // A step of it: SQLite's rebuild of the table (migration 1764200000080) must not cascade to it.
    await raw(
      "INSERT INTO petition_event (petition_id, transition, to_status, occurred_on, actor) VALUES (1, 'receive', 'RECEIVED', '2019-01-02', 'officer-1')",
    );
    await ds.destroy();
    ds = await open(migrations);
  });
  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it("adds the 2016–2026 days and moves the deadlines they span; down takes back only its own", async () => {
    const applied = await ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      [
        new DeclaredDays1764200000070().name,
        new UnitsThroughTime1764200000080().name,
        new ComplaintAcceptance20261764200000090().name,
        new PetitionsAcrossTheChange1764200000100().name,
      ],
    );
    const complaint = (await raw("SELECT acceptance_due_on, due_on FROM petition WHERE id = 3"))[0]!;
    assert.deepEqual(
      [String(complaint.acceptance_due_on).slice(0, 10), String(complaint.due_on).slice(0, 10)],
      ["2026-07-14", "2026-07-14"],
      "a complaint of July 2026 counts 7 working days, as the law in force on its receipt date says",
    );
    const mine = ADDED_DAYS.filter((d) => d !== ADMIN_DAY);
    const rows = await declared();
    assert.deepEqual(
      rows.filter(([, by]) => by === "migration 1764200000070").map(([on]) => on),
      mine,
    );
    assert.deepEqual(
      rows.find(([on]) => on === ADMIN_DAY),
      [ADMIN_DAY, "admin-1"],
      "the administrator's row is kept",
    );
    assert.equal(rows.length, DECLARED_DAYS.length, "every built-in day is in the table");
    assert.deepEqual(await dueDates(), ["2019-01-10", "2019-01-10"]);
    // The 2019 denunciation was open at the 2025 reorganisation: its step, and its unit, are added.
    assert.deepEqual(
      (
        await raw("SELECT transition, occurred_on, unit_code FROM petition_event WHERE petition_id = 1 ORDER BY id")
      ).map((r) => [r.transition, String(r.occurred_on).slice(0, 10), r.unit_code]),
      [
        ["receive", "2019-01-02", null],
        ["reorganise", "2025-07-01", "30307"],
      ],
      "the steps stay, and the reorganisation's is added",
    );
    assert.deepEqual(
      (await raw("SELECT handling_unit_code, last_step_on FROM petition WHERE id = 1")).map((r) => [
        r.handling_unit_code,
        String(r.last_step_on).slice(0, 10),
      ]),
      [["30307", "2025-07-01"]],
    );

    await ds.undoLastMigration({ transaction: "each" }); // petitions across the change (keeps the steps)
    assert.equal((await columns("petition"))!.includes("handling_unit_code"), false);
    assert.equal((await columns("petition_event"))!.includes("unit_code"), false);
    assert.equal((await raw("SELECT id FROM petition_event WHERE petition_id = 1")).length, 2, "the steps stay");
    await ds.undoLastMigration({ transaction: "each" }); // the 2026 acceptance (leaves the dates)
    await ds.undoLastMigration({ transaction: "each" }); // units through time
    await ds.undoLastMigration({ transaction: "each" });
    const left = await declared();
    assert.deepEqual(
      left.filter(([on]) => (ADDED_DAYS as readonly string[]).includes(on as string)),
      [[ADMIN_DAY, "admin-1"]],
    );
    assert.deepEqual(await dueDates(), ["2019-01-11", "2019-01-11"], "the deadline as the code before counted it");
  });

  it("reverts forwarding, the working-day deadlines and the first schema, then runs up again", async () => {
    await ds.runMigrations({ transaction: "each" });
    assert.equal((await ds.showMigrations()) as boolean, false, "all applied");
    // Up again after its down: the moved petition gets its unit back, and no second step.
    assert.deepEqual(
      (await raw("SELECT transition, unit_code FROM petition_event WHERE petition_id = 1 ORDER BY id")).map((r) => [
        r.transition,
        r.unit_code,
      ]),
      [
        ["receive", null],
        ["reorganise", "30307"],
      ],
    );
    assert.equal((await raw("SELECT handling_unit_code FROM petition WHERE id = 1"))[0]!.handling_unit_code, "30307");
    await ds.undoLastMigration({ transaction: "each" }); // petitions across the change

    // Units through time: a petition of the 2025 map has no district; down refuses while one exists.
    assert.equal(await nullable("petition", "district_code"), true);
    for (const ix of ["ix_petition_commune", "ix_petition_district", "ix_petition_first_round"])
      assert.ok((await indexNames("petition")).includes(ix), `${ix} kept`);
    const district = async () => (await raw("SELECT district_code FROM petition WHERE id = 1"))[0]!.district_code;
    assert.equal(await district(), "883", "the rows survive the column's change");
    await raw(
      "INSERT INTO petition (id, kind, channel, commune_code, district_code, summary, received_on, complexity, status, last_step_on) VALUES (2, 'REFLECTION', 'DIRECT', '30307', NULL, 'Phản ánh về trật tự xây dựng', '2026-03-02', 'NORMAL', 'RECEIVED', '2026-03-02')",
    );
    await ds.undoLastMigration({ transaction: "each" }); // the 2026 acceptance
    await assert.rejects(ds.undoLastMigration({ transaction: "each" }), /reset the database/);
    await raw("DELETE FROM petition WHERE id = 2");
    await ds.undoLastMigration({ transaction: "each" });
    assert.equal((await raw("SELECT id FROM petition_event WHERE petition_id = 1")).length, 2);
    // SQLite keeps the column nullable (the migration says why); PostgreSQL restores NOT NULL.
    assert.equal(await nullable("petition", "district_code"), db.kind !== "postgres");
    assert.equal(await district(), "883");
    assert.deepEqual(await dueDates(), ["2019-01-10", "2019-01-10"]);

    await ds.undoLastMigration({ transaction: "each" }); // the 2016–2026 days
    await ds.undoLastMigration({ transaction: "each" }); // forwarding
    const petition = (await columns("petition"))!;
    for (const c of FORWARDING_COLUMNS) assert.equal(petition.includes(c), false, `${c} dropped`);
    assert.equal((await indexNames("petition")).includes("ix_petition_first_round"), false);
    assert.ok(petition.includes("acceptance_due_on"), "the earlier migrations' columns stay");

    await ds.undoLastMigration({ transaction: "each" }); // sealed identities
    assert.ok((await columns("denouncer_identity"))!.includes("full_name"));

    await ds.undoLastMigration({ transaction: "each" }); // working-day deadlines
    assert.equal(await columns("declared_calendar_day"), null, "table dropped");
    const first = (await columns("petition"))!;
    assert.equal(first.includes("acceptance_due_on"), false);
    assert.equal(first.includes("decision_known_on"), false);

    await ds.undoLastMigration({ transaction: "each" }); // the first schema
    for (const t of ["petition", "petition_event", "denouncer_identity", "reception_session", "session_petition"]) {
      assert.equal(await columns(t), null, `${t} dropped`);
    }

    const again = await ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      again.map((m) => m.name),
      migrations.map((M) => new M().name),
    );
    for (const c of FORWARDING_COLUMNS) assert.ok((await columns("petition"))!.includes(c), c);
    assert.deepEqual(
      (await declared()).map(([on]) => on),
      DECLARED_DAYS.map((d) => d.on),
      "a fresh database has every built-in day, from the first calendar migration",
    );
  });
});
