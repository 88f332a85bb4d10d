import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from "typeorm";
import { identityKeys } from "../src/confidential/identity-keys.js";
import { open, seal } from "../src/confidential/envelope.js";
import { screenDenouncer, type DenouncerFacts } from "../src/confidential/screening.js";

/**
 * Issue 19: the denouncer's identity encrypted at rest. Every plain identity (name, address,
 * phone, ID number) is sealed under a data key of its own, wrapped by the newest key of
 * PETITIONS_IDENTITY_KEYS (envelope.ts), and the plain columns are gone: the table is rebuilt
 * with `sealed`, `wrapped_key` and `key_version` only. With identities to seal and no key in
 * production, it stops before changing anything, naming the variable.
 *
 * While the identities are still readable, the free text others read about their petitions (the
 * summary, the steps' notes) is screened of them as new writes are (screening.ts): a mention
 * written before is replaced by `[***]` too. `down` restores the identities, not those mentions.
 *
 * The sealing is written out here (not through the entity) so that the migration stays what it
 * is when the entity changes; the context is the one denouncer-identities.ts opens with.
 */
const TABLE = "denouncer_identity";
const BATCH = 200;
const context = (petitionId: number) => `petitions/denouncer_identity/${petitionId}`;

interface PlainRow {
  petition_id: number | string;
  full_name: string;
  address: string | null;
  phone: string | null;
  id_number: string | null;
}

interface SealedRow {
  petition_id: number | string;
  sealed: string;
  wrapped_key: string;
  key_version: number | string;
}

const foreignKey = () =>
  new TableForeignKey({
    columnNames: ["petition_id"],
    referencedTableName: "petition",
    referencedColumnNames: ["id"],
    onDelete: "CASCADE",
  });

const placeholders = (q: QueryRunner, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => (q.connection.options.type === "postgres" ? `$${from + i + 1}` : "?")).join(", ");

/** Screens `column` of `table` where `key` is one of the petitions, against each one's denouncer. */
async function screenColumn(
  q: QueryRunner,
  table: string,
  column: string,
  key: string,
  who: Map<number, DenouncerFacts>,
): Promise<number> {
  const ids = [...who.keys()];
  let changed = 0;
  for (let at = 0; at < ids.length; at += BATCH) {
    const batch = ids.slice(at, at + BATCH);
    const rows = (await q.query(
      `SELECT id, ${key} AS petition_id, ${column} AS text FROM ${table} WHERE ${column} IS NOT NULL AND ${key} IN (${placeholders(q, batch.length)})`,
      batch,
    )) as { id: number | string; petition_id: number | string; text: string }[];
    for (const r of rows) {
      const screened = screenDenouncer(r.text, who.get(Number(r.petition_id))!);
      if (!screened.changed) continue;
      await q.query(`UPDATE ${table} SET ${column} = ${placeholders(q, 1)} WHERE id = ${placeholders(q, 1, 1)}`, [
        screened.text,
        Number(r.id),
      ]);
      changed++;
    }
  }
  return changed;
}

/** Inserts rows in batches, with the driver's placeholders. */
async function insertRows(q: QueryRunner, columns: string[], rows: unknown[][]): Promise<void> {
  const postgres = q.connection.options.type === "postgres";
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    let n = 0;
    const tuples = batch.map(() => `(${columns.map(() => (postgres ? `$${++n}` : "?")).join(", ")})`);
    await q.query(`INSERT INTO ${TABLE} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, batch.flat());
  }
}

export class EncryptedIdentities1764200000050 implements MigrationInterface {
  name = "EncryptedIdentities1764200000050";

  async up(q: QueryRunner): Promise<void> {
    const plain = (await q.query(
      `SELECT petition_id, full_name, address, phone, id_number FROM ${TABLE} ORDER BY petition_id`,
    )) as PlainRow[];
    // Read (and, in production, demanded) before anything changes.
    const keyring = plain.length ? identityKeys() : undefined;
    await q.dropTable(TABLE);
    await q.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: "petition_id", type: "integer", isPrimary: true },
          { name: "sealed", type: "text" },
          { name: "wrapped_key", type: "varchar", length: "120" },
          { name: "key_version", type: "integer" },
        ],
        foreignKeys: [foreignKey()],
      }),
    );
    const rows = plain.map((r) => {
      const id = Number(r.petition_id);
      const facts = { fullName: r.full_name, address: r.address, phone: r.phone, idNumber: r.id_number };
      const s = seal(facts, context(id), keyring!);
      return [id, s.sealed, s.wrappedKey, s.keyVersion];
    });
    await insertRows(q, ["petition_id", "sealed", "wrapped_key", "key_version"], rows);
    const who = new Map<number, DenouncerFacts>(
      plain.map((r) => [
        Number(r.petition_id),
        { fullName: r.full_name, address: r.address, phone: r.phone, idNumber: r.id_number },
      ]),
    );
    await screenColumn(q, "petition", "summary", "id", who);
    await screenColumn(q, "petition_event", "note", "petition_id", who);
  }

  async down(q: QueryRunner): Promise<void> {
    const sealed = (await q.query(
      `SELECT petition_id, sealed, wrapped_key, key_version FROM ${TABLE} ORDER BY petition_id`,
    )) as SealedRow[];
    const keyring = sealed.length ? identityKeys() : undefined;
    const rows = sealed.map((r) => {
      const id = Number(r.petition_id);
      const f = open<{ fullName: string; address: string | null; phone: string | null; idNumber: string | null }>(
        { sealed: r.sealed, wrappedKey: r.wrapped_key, keyVersion: Number(r.key_version) },
        context(id),
        keyring!,
      );
      return [id, f.fullName, f.address, f.phone, f.idNumber];
    });
    await q.dropTable(TABLE);
    await q.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: "petition_id", type: "integer", isPrimary: true },
          { name: "full_name", type: "varchar", length: "120" },
          { name: "address", type: "varchar", length: "300", isNullable: true },
          { name: "phone", type: "varchar", length: "20", isNullable: true },
          { name: "id_number", type: "varchar", length: "20", isNullable: true },
        ],
        foreignKeys: [foreignKey()],
      }),
    );
    await insertRows(q, ["petition_id", "full_name", "address", "phone", "id_number"], rows);
  }
}
