import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { migrations } from "../../migrations/index.js";
import { EncryptedIdentities1764200000050 } from "../../migrations/1764200000050-encrypted-identities.js";
import { petitionsSubgraph } from "../definition.js";
import { SealedDenouncerIdentity } from "./denouncer-identity.entity.js";
import { openIdentity } from "./denouncer-identities.js";

/** Identities stored in plain text before the migration, as the first schema held them. */
const PLAIN = [
  {
    petition_id: 1,
    full_name: "Trần Thị Cũ",
    address: "Ấp 5, xã Vĩnh Thạnh Trung",
    phone: "0987654321",
    id_number: "089301002345",
  },
  { petition_id: 2, full_name: "Lê Văn Trước", address: null, phone: null, id_number: null },
];
/** Free text written before the screening existed: the first names its denouncer. */
const SUMMARY = ["Tố cáo; người tố cáo TRẦN THỊ CŨ, ĐT 0987 654 321", "Tố cáo cán bộ ấp"];
const NOTE = ["Đã đối chiếu CCCD 089301002345", null];
const facts = (r: (typeof PLAIN)[number]) => ({
  petitionId: r.petition_id,
  fullName: r.full_name,
  address: r.address,
  phone: r.phone,
  idNumber: r.id_number,
});

describe("migrating plain identities to sealed ones (SQLite and PostgreSQL)", () => {
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

  before(async () => {
    db = await createTestDatabase("petitions-identity-migration");
    const upTo = migrations.indexOf(EncryptedIdentities1764200000050);
    assert.ok(upTo > 0);
    ds = await open(migrations.slice(0, upTo));
    await ds.runMigrations({ transaction: "each" });
    for (const r of PLAIN) {
      await raw(
        "INSERT INTO petition (id, kind, channel, commune_code, district_code, summary, received_on, complexity, status, last_step_on) VALUES (?, 'DENUNCIATION', 'DIRECT', '30280', '883', ?, '2019-05-02', 'NORMAL', 'RECEIVED', '2019-05-02')",
        [r.petition_id, SUMMARY[r.petition_id - 1]],
      );
      await raw(
        "INSERT INTO denouncer_identity (petition_id, full_name, address, phone, id_number) VALUES (?, ?, ?, ?, ?)",
        [r.petition_id, r.full_name, r.address, r.phone, r.id_number],
      );
      await raw(
        "INSERT INTO petition_event (petition_id, transition, to_status, occurred_on, actor, note, recorded_at) VALUES (?, 'receive', 'RECEIVED', '2019-05-02', 'clerk', ?, '2019-05-02 09:00:00')",
        [r.petition_id, NOTE[r.petition_id - 1]],
      );
    }
    await ds.destroy();
    // Up to this migration only: the later ones (forwarding, ...) are not what this test undoes.
    ds = await open(migrations.slice(0, upTo + 1));
  });
  after(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it("seals every existing identity, screens the free text about it, leaves no plain value; down restores them", async () => {
    const applied = await ds.runMigrations({ transaction: "each" });
    assert.deepEqual(
      applied.map((m) => m.name),
      ["EncryptedIdentities1764200000050"],
    );
    const rows = await raw("SELECT * FROM denouncer_identity ORDER BY petition_id");
    assert.deepEqual(Object.keys(rows[0]!).sort(), ["key_version", "petition_id", "sealed", "wrapped_key"]);
    assert.doesNotMatch(JSON.stringify(rows), /Trần|Cũ|Lê Văn|0987654321|089301002345|Vĩnh Thạnh/);
    const sealed = await ds.getRepository(SealedDenouncerIdentity).find({ order: { petitionId: "ASC" } });
    assert.deepEqual(
      sealed.map((r) => ({ ...openIdentity(r) })),
      PLAIN.map(facts),
    );

    // The free text others read is screened of the denouncer as well; the other petition's is kept.
    assert.deepEqual(await raw("SELECT summary FROM petition ORDER BY id"), [
      { summary: "Tố cáo; người tố cáo [***], ĐT [***]" },
      { summary: "Tố cáo cán bộ ấp" },
    ]);
    assert.deepEqual(await raw("SELECT note FROM petition_event ORDER BY petition_id"), [
      { note: "Đã đối chiếu CCCD [***]" },
      { note: null },
    ]);

    await ds.undoLastMigration({ transaction: "each" });
    assert.deepEqual(
      await raw(
        "SELECT petition_id, full_name, address, phone, id_number FROM denouncer_identity ORDER BY petition_id",
      ),
      PLAIN,
    );
    await ds.runMigrations({ transaction: "each" });
    const again = await ds.getRepository(SealedDenouncerIdentity).find({ order: { petitionId: "ASC" } });
    assert.deepEqual(
      again.map((r) => ({ ...openIdentity(r) })),
      PLAIN.map(facts),
    );
    assert.notEqual(again[0]!.sealed, sealed[0]!.sealed, "sealed again under a fresh data key");
  });
});
