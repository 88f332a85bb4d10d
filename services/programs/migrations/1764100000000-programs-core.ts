import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createRecordKeepingTables, dropRecordKeepingTables, placeholders } from "@danvan/kit";
import { POVERTY_STANDARDS } from "../src/poverty/standards.data.js";

/** Households, poverty standards (as data) and reviews, the funds and their ledger, support events. */
export class ProgramsCore1764100000000 implements MigrationInterface {
  name = "ProgramsCore1764100000000";

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment };
    const version = { name: "version", type: "integer", default: 1 };
    const fk = (column: string, table: string, ref = "id") =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [ref] });

    await q.createTable(
      new Table({
        name: "household",
        columns: [
          id,
          { name: "commune_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10" },
          { name: "head_name", type: "varchar", length: "120" },
          { name: "address", type: "varchar", length: "200", isNullable: true },
          { name: "member_count", type: "integer" },
          { name: "area", type: "varchar", length: "5" },
          { name: "registered_on", type: "date" },
          version,
        ],
        checks: [{ name: "ck_household_members", expression: "member_count >= 1" }],
        indices: [
          new TableIndex({ name: "ix_household_commune", columnNames: ["commune_code", "id"] }),
          new TableIndex({ name: "ix_household_district", columnNames: ["district_code", "id"] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "poverty_standard",
        columns: [
          { name: "code", type: "varchar", length: "20", isPrimary: true },
          { name: "name", type: "varchar", length: "200" },
          { name: "legal_basis", type: "varchar", length: "200" },
          { name: "from_year", type: "integer" },
          { name: "to_year", type: "integer" },
          { name: "deprivation_indicators", type: "integer" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "poverty_threshold",
        columns: [
          { name: "standard_code", type: "varchar", length: "20", isPrimary: true },
          { name: "area", type: "varchar", length: "5", isPrimary: true },
          { name: "poor_income_max_vnd", type: "bigint", isNullable: true },
          { name: "band_income_max_vnd", type: "bigint" },
          { name: "min_deprivations", type: "integer", isNullable: true },
        ],
        foreignKeys: [fk("standard_code", "poverty_standard", "code")],
      }),
    );
    // The standards are data: plain SQL here, so the migration never depends on entity classes.
    for (const s of POVERTY_STANDARDS) {
      await q.query(
        placeholders(
          q.connection,
          "INSERT INTO poverty_standard (code, name, legal_basis, from_year, to_year, deprivation_indicators) VALUES (?, ?, ?, ?, ?, ?)",
        ),
        [s.code, s.name, s.legalBasis, s.fromYear, s.toYear, s.deprivationIndicators],
      );
      for (const th of s.thresholds) {
        await q.query(
          placeholders(
            q.connection,
            "INSERT INTO poverty_threshold (standard_code, area, poor_income_max_vnd, band_income_max_vnd, min_deprivations) VALUES (?, ?, ?, ?, ?)",
          ),
          [s.code, th.area, th.poorIncomeMaxVnd, th.bandIncomeMaxVnd, th.minDeprivations],
        );
      }
    }

    await q.createTable(
      new Table({
        name: "poverty_classification",
        columns: [
          { name: "household_id", type: "integer", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "standard_code", type: "varchar", length: "20" },
          { name: "status", type: "varchar", length: "10" },
          { name: "transition", type: "varchar", length: "20" },
          { name: "monthly_income_vnd", type: "bigint" },
          { name: "deprivations", type: "integer" },
          { name: "commune_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10" },
          { name: "classified_on", type: "date" },
          version,
        ],
        foreignKeys: [fk("household_id", "household"), fk("standard_code", "poverty_standard", "code")],
        indices: [
          new TableIndex({ name: "ix_poverty_classification_year", columnNames: ["year", "commune_code", "status"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "poverty_tally",
        columns: [
          { name: "commune_code", type: "varchar", length: "10", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "households", type: "integer", default: 0 },
          { name: "poor", type: "integer", default: 0 },
          { name: "near_poor", type: "integer", default: 0 },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "fund",
        columns: [
          { name: "id", type: "varchar", length: "16", isPrimary: true },
          { name: "organisation_id", type: "varchar", length: "16", isUnique: true },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "name", type: "varchar", length: "200" },
          { name: "opened_on", type: "date" },
        ],
        indices: [new TableIndex({ name: "ix_fund_unit", columnNames: ["unit_code"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "fund_entry",
        columns: [
          id,
          { name: "fund_id", type: "varchar", length: "16" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "entry_on", type: "date" },
          { name: "kind", type: "varchar", length: "14" },
          { name: "amount_vnd", type: "bigint" },
          { name: "ref_type", type: "varchar", length: "30" },
          { name: "ref_id", type: "varchar", length: "32" },
        ],
        foreignKeys: [fk("fund_id", "fund")],
        indices: [
          new TableIndex({ name: "ix_fund_entry_fund", columnNames: ["fund_id", "entry_on"] }),
          new TableIndex({ name: "ix_fund_entry_unit", columnNames: ["unit_code", "entry_on"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "contribution",
        columns: [
          id,
          { name: "fund_id", type: "varchar", length: "16" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "received_on", type: "date" },
          { name: "form", type: "varchar", length: "8" },
          { name: "amount_vnd", type: "bigint" },
          { name: "in_kind_description", type: "varchar", length: "300", isNullable: true },
          { name: "donor_kind", type: "varchar", length: "12" },
          { name: "donor_name", type: "varchar", length: "200", isNullable: true },
          { name: "collected_by_unit_code", type: "varchar", length: "10" },
          { name: "campaign_id", type: "varchar", length: "16", isNullable: true },
          { name: "receipt_number", type: "varchar", length: "40" },
          version,
        ],
        foreignKeys: [fk("fund_id", "fund")],
        checks: [{ name: "ck_contribution_amount", expression: "amount_vnd > 0" }],
        indices: [
          new TableIndex({ name: "ix_contribution_unit", columnNames: ["unit_code", "received_on"] }),
          new TableIndex({
            name: "uq_contribution_receipt",
            columnNames: ["fund_id", "receipt_number"],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "fund_transfer",
        columns: [
          id,
          { name: "from_fund_id", type: "varchar", length: "16" },
          { name: "to_fund_id", type: "varchar", length: "16" },
          { name: "amount_vnd", type: "bigint" },
          { name: "transferred_on", type: "date" },
          { name: "note", type: "varchar", length: "300", isNullable: true },
        ],
        foreignKeys: [fk("from_fund_id", "fund"), fk("to_fund_id", "fund")],
        checks: [{ name: "ck_fund_transfer", expression: "amount_vnd > 0 AND from_fund_id <> to_fund_id" }],
        indices: [
          new TableIndex({ name: "ix_fund_transfer_from", columnNames: ["from_fund_id", "transferred_on"] }),
          new TableIndex({ name: "ix_fund_transfer_to", columnNames: ["to_fund_id", "transferred_on"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "support_event",
        columns: [
          id,
          { name: "household_id", type: "integer" },
          { name: "commune_code", type: "varchar", length: "10" },
          { name: "kind", type: "varchar", length: "20" },
          { name: "amount_vnd", type: "bigint" },
          { name: "given_on", type: "date" },
          { name: "fund_id", type: "varchar", length: "16", isNullable: true },
        ],
        foreignKeys: [fk("household_id", "household"), fk("fund_id", "fund")],
        checks: [{ name: "ck_support_amount", expression: "amount_vnd >= 0" }],
        indices: [
          new TableIndex({ name: "ix_support_event_household", columnNames: ["household_id", "given_on"] }),
          new TableIndex({ name: "ix_support_event_commune", columnNames: ["commune_code", "given_on"] }),
        ],
      }),
    );
    await createRecordKeepingTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRecordKeepingTables(q);
    for (const table of [
      "support_event",
      "fund_transfer",
      "contribution",
      "fund_entry",
      "fund",
      "poverty_tally",
      "poverty_classification",
      "poverty_threshold",
      "poverty_standard",
      "household",
    ]) {
      await q.dropTable(table);
    }
  }
}
