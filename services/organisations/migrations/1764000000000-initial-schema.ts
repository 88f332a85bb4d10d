import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createRecordKeepingTables, dropRecordKeepingTables } from "@danvan/kit";

/** Units, committees and their closure, members, positions, recruitment targets, campaigns. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = "InitialSchema1764000000000";

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment };
    const version = { name: "version", type: "integer", default: 1 };

    await q.createTable(
      new Table({
        name: "administrative_unit",
        columns: [
          { name: "code", type: "varchar", length: "10", isPrimary: true },
          { name: "name", type: "varchar", length: "120" },
          { name: "kind", type: "varchar", length: "30" },
          { name: "level", type: "varchar", length: "10" },
          { name: "parent_code", type: "varchar", length: "10", isNullable: true },
          { name: "is_remote_area", type: "boolean", default: false },
          { name: "valid_from", type: "date" },
          { name: "valid_to", type: "date", isNullable: true },
          { name: "legal_basis", type: "varchar", length: "300", isNullable: true },
          version,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["parent_code"],
            referencedTableName: "administrative_unit",
            referencedColumnNames: ["code"],
          }),
        ],
        indices: [new TableIndex({ name: "ix_administrative_unit_parent", columnNames: ["parent_code"] })],
      }),
    );

    await q.createTable(
      new Table({
        name: "organisation",
        columns: [
          { name: "id", type: "varchar", length: "16", isPrimary: true },
          { name: "kind", type: "varchar", length: "24" },
          { name: "name", type: "varchar", length: "200" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "parent_id", type: "varchar", length: "16", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["unit_code"],
            referencedTableName: "administrative_unit",
            referencedColumnNames: ["code"],
          }),
          new TableForeignKey({
            columnNames: ["parent_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
        uniques: [{ name: "uq_organisation_unit_kind", columnNames: ["unit_code", "kind"] }],
        indices: [
          new TableIndex({ name: "ix_organisation_unit", columnNames: ["unit_code", "kind"] }),
          new TableIndex({ name: "ix_organisation_parent", columnNames: ["parent_id"] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "organisation_closure",
        columns: [
          { name: "ancestor_id", type: "varchar", length: "16", isPrimary: true },
          { name: "descendant_id", type: "varchar", length: "16", isPrimary: true },
          { name: "depth", type: "integer" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["ancestor_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
          new TableForeignKey({
            columnNames: ["descendant_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
        indices: [new TableIndex({ name: "ix_organisation_closure_descendant", columnNames: ["descendant_id"] })],
      }),
    );

    await q.createTable(
      new Table({
        name: "member",
        columns: [
          id,
          { name: "organisation_id", type: "varchar", length: "16" },
          { name: "full_name", type: "varchar", length: "120" },
          { name: "gender", type: "varchar", length: "6" },
          { name: "birth_year", type: "integer", isNullable: true },
          { name: "joined_on", type: "date" },
          { name: "left_on", type: "date", isNullable: true },
          { name: "status", type: "varchar", length: "12" },
          version,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["organisation_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
        checks: [{ name: "ck_member_dates", expression: "left_on IS NULL OR left_on >= joined_on" }],
      }),
    );

    await q.createTable(
      new Table({
        name: "leadership_position",
        columns: [
          id,
          { name: "organisation_id", type: "varchar", length: "16" },
          { name: "title", type: "varchar", length: "16" },
          { name: "holder_name", type: "varchar", length: "120" },
          { name: "term_start", type: "date" },
          { name: "term_end", type: "date", isNullable: true },
          version,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["organisation_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
        indices: [
          new TableIndex({
            name: "ix_leadership_position_organisation",
            columnNames: ["organisation_id", "term_start"],
          }),
        ],
        checks: [{ name: "ck_position_term", expression: "term_end IS NULL OR term_end >= term_start" }],
      }),
    );

    await q.createTable(
      new Table({
        name: "recruitment_target",
        columns: [
          { name: "organisation_id", type: "varchar", length: "16", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "target", type: "integer" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["organisation_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "campaign",
        columns: [
          id,
          { name: "name", type: "varchar", length: "200" },
          { name: "kind", type: "varchar", length: "20" },
          { name: "organisation_id", type: "varchar", length: "16" },
          { name: "parent_id", type: "integer", isNullable: true },
          { name: "starts_on", type: "date" },
          { name: "ends_on", type: "date", isNullable: true },
          { name: "goal", type: "text" },
          version,
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["organisation_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
          new TableForeignKey({
            columnNames: ["parent_id"],
            referencedTableName: "campaign",
            referencedColumnNames: ["id"],
          }),
        ],
        indices: [
          new TableIndex({ name: "ix_campaign_organisation", columnNames: ["organisation_id"] }),
          new TableIndex({ name: "ix_campaign_parent", columnNames: ["parent_id"] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "campaign_phase",
        columns: [
          id,
          { name: "campaign_id", type: "integer" },
          { name: "ordinal", type: "integer" },
          { name: "name", type: "varchar", length: "200" },
          { name: "starts_on", type: "date" },
          { name: "ends_on", type: "date", isNullable: true },
          { name: "goal", type: "text" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["campaign_id"],
            referencedTableName: "campaign",
            referencedColumnNames: ["id"],
          }),
        ],
        indices: [new TableIndex({ name: "ix_campaign_phase_campaign", columnNames: ["campaign_id", "ordinal"] })],
      }),
    );

    await createRecordKeepingTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRecordKeepingTables(q);
    for (const table of [
      "campaign_phase",
      "campaign",
      "recruitment_target",
      "leadership_position",
      "member",
      "organisation_closure",
      "organisation",
      "administrative_unit",
    ]) {
      await q.dropTable(table);
    }
  }
}
