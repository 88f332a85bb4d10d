import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createRecordKeepingTables, dropRecordKeepingTables } from "@danvan/kit";

/**
 * Petitions and their event history; the denouncer's identity in a table of its own with a
 * log of every read; citizen reception sessions and dialogues with the petitions raised.
 */
export class Petitions1764200000000 implements MigrationInterface {
  name = "Petitions1764200000000";

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment };
    const fk = (column: string, table: string) =>
      new TableForeignKey({
        columnNames: [column],
        referencedTableName: table,
        referencedColumnNames: ["id"],
        onDelete: "CASCADE",
      });

    await q.createTable(
      new Table({
        name: "petition",
        columns: [
          id,
          { name: "kind", type: "varchar", length: "16" },
          { name: "channel", type: "varchar", length: "20" },
          { name: "commune_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10" },
          { name: "summary", type: "varchar", length: "1000" },
          { name: "received_on", type: "date" },
          { name: "accepted_on", type: "date", isNullable: true },
          { name: "handled_by_organisation_id", type: "varchar", length: "16", isNullable: true },
          { name: "handling_officer", type: "varchar", length: "120", isNullable: true },
          { name: "complexity", type: "varchar", length: "20" },
          { name: "complaint_round", type: "varchar", length: "6", isNullable: true },
          { name: "is_remote_area", type: "boolean", default: false },
          { name: "hotspot", type: "boolean", default: false },
          { name: "resolved_at_grassroots", type: "boolean", default: false },
          { name: "anonymous", type: "boolean", default: false },
          { name: "status", type: "varchar", length: "32" },
          { name: "outcome", type: "varchar", length: "20", isNullable: true },
          { name: "extensions_used", type: "integer", default: 0 },
          { name: "extended_days", type: "integer", default: 0 },
          { name: "last_step_on", type: "date" },
          { name: "refusal_reason", type: "varchar", length: "40", isNullable: true },
          { name: "not_processable_reason", type: "varchar", length: "40", isNullable: true },
          { name: "due_on", type: "date", isNullable: true },
          { name: "closed_on", type: "date", isNullable: true },
          { name: "conclusion", type: "text", isNullable: true },
          { name: "version", type: "integer", default: 1 },
        ],
        indices: [
          new TableIndex({ name: "ix_petition_commune", columnNames: ["commune_code", "received_on"] }),
          new TableIndex({ name: "ix_petition_district", columnNames: ["district_code", "received_on"] }),
          new TableIndex({ name: "ix_petition_open_due", columnNames: ["status", "due_on"] }),
          new TableIndex({ name: "ix_petition_handler", columnNames: ["handled_by_organisation_id", "id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "petition_event",
        columns: [
          id,
          { name: "petition_id", type: "integer" },
          { name: "transition", type: "varchar", length: "32" },
          { name: "from_status", type: "varchar", length: "32", isNullable: true },
          { name: "to_status", type: "varchar", length: "32" },
          { name: "occurred_on", type: "date" },
          { name: "actor", type: "varchar", length: "120" },
          { name: "reason", type: "varchar", length: "40", isNullable: true },
          { name: "note", type: "varchar", length: "1000", isNullable: true },
          { name: "recorded_at", type: t.instant, default: t.now },
        ],
        foreignKeys: [fk("petition_id", "petition")],
        indices: [new TableIndex({ name: "ix_petition_event_petition", columnNames: ["petition_id", "id"] })],
      }),
    );
    // Confidential (Law on Denunciations 2018, Articles 47–48): never joined into any shared type.
    await q.createTable(
      new Table({
        name: "denouncer_identity",
        columns: [
          { name: "petition_id", type: "integer", isPrimary: true },
          { name: "full_name", type: "varchar", length: "120" },
          { name: "address", type: "varchar", length: "300", isNullable: true },
          { name: "phone", type: "varchar", length: "20", isNullable: true },
          { name: "id_number", type: "varchar", length: "20", isNullable: true },
        ],
        foreignKeys: [fk("petition_id", "petition")],
      }),
    );
    await q.createTable(
      new Table({
        name: "identity_read",
        columns: [
          id,
          { name: "petition_id", type: "integer" },
          { name: "reader", type: "varchar", length: "120" },
          { name: "request_id", type: "varchar", length: "64", isNullable: true },
          { name: "read_at", type: t.instant, default: t.now },
        ],
        foreignKeys: [fk("petition_id", "petition")],
        indices: [new TableIndex({ name: "ix_identity_read_petition", columnNames: ["petition_id"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "reception_session",
        columns: [
          id,
          { name: "kind", type: "varchar", length: "12" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "level", type: "varchar", length: "10" },
          { name: "presider_role", type: "varchar", length: "20" },
          { name: "presider_name", type: "varchar", length: "120" },
          { name: "held_on", type: "date" },
          { name: "place", type: "varchar", length: "200" },
          { name: "topic", type: "varchar", length: "300", isNullable: true },
          { name: "citizens_received", type: "integer", default: 0 },
        ],
        indices: [new TableIndex({ name: "ix_reception_session_unit", columnNames: ["unit_code", "held_on"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "session_petition",
        columns: [
          { name: "session_id", type: "integer", isPrimary: true },
          { name: "petition_id", type: "integer", isPrimary: true },
        ],
        foreignKeys: [fk("session_id", "reception_session"), fk("petition_id", "petition")],
        indices: [new TableIndex({ name: "ix_session_petition_petition", columnNames: ["petition_id"] })],
      }),
    );
    await createRecordKeepingTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRecordKeepingTables(q);
    for (const table of [
      "session_petition",
      "reception_session",
      "identity_read",
      "denouncer_identity",
      "petition_event",
      "petition",
    ]) {
      await q.dropTable(table);
    }
  }
}
