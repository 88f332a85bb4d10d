import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes } from "@danvan/kit";

/** Great Solidarity houses, "Dân vận khéo" models, loan and technology-transfer projects. */
export class HousesModelsProjects1764100000001 implements MigrationInterface {
  name = "HousesModelsProjects1764100000001";

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    const id = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment };
    const version = { name: "version", type: "integer", default: 1 };
    const fk = (column: string, table: string, ref = "id") =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [ref] });
    const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

    await q.createTable(
      new Table({
        name: "solidarity_house",
        columns: [
          id,
          { name: "household_id", type: "integer" },
          { name: "commune_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10" },
          { name: "kind", type: "varchar", length: "6" },
          { name: "hard_floor", type: "boolean" },
          { name: "hard_frame", type: "boolean" },
          { name: "hard_roof", type: "boolean" },
          { name: "fund_amount_vnd", type: "bigint" },
          { name: "sponsor_amount_vnd", type: "bigint" },
          { name: "family_amount_vnd", type: "bigint" },
          { name: "sponsor_name", type: "varchar", length: "200", isNullable: true },
          { name: "fund_id", type: "varchar", length: "16", isNullable: true },
          { name: "status", type: "varchar", length: "18" },
          { name: "proposed_on", type: "date" },
          { name: "approved_on", type: "date", isNullable: true },
          { name: "construction_started_on", type: "date", isNullable: true },
          { name: "handed_over_on", type: "date", isNullable: true },
          { name: "cancelled_on", type: "date", isNullable: true },
          { name: "cancel_reason", type: "varchar", length: "300", isNullable: true },
          version,
        ],
        foreignKeys: [fk("household_id", "household"), fk("fund_id", "fund")],
        checks: [
          {
            name: "ck_solidarity_house_amounts",
            expression: "fund_amount_vnd >= 0 AND sponsor_amount_vnd >= 0 AND family_amount_vnd >= 0",
          },
        ],
        indices: [
          // Lists by commune and by district, in id order (Relay cursors).
          index("ix_solidarity_house_commune", ["commune_code", "id"]),
          index("ix_solidarity_house_district", ["district_code", "id"]),
          // houseStatistics: counts by commune, state and kind.
          index("ix_solidarity_house_status", ["commune_code", "status", "kind"]),
          // Fund summaries: houses handed over in a period, by commune and kind.
          index("ix_solidarity_house_handed_over", ["handed_over_on", "commune_code", "kind"]),
          index("ix_solidarity_house_household", ["household_id"]),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "mobilisation_model",
        columns: [
          id,
          { name: "name", type: "varchar", length: "300" },
          { name: "field", type: "varchar", length: "20" },
          { name: "track", type: "varchar", length: "16" },
          { name: "registrant_kind", type: "varchar", length: "10" },
          { name: "registrant_name", type: "varchar", length: "200" },
          { name: "organisation_id", type: "varchar", length: "16" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10", isNullable: true },
          { name: "year", type: "integer" },
          { name: "status", type: "varchar", length: "16" },
          { name: "resources_mobilised_vnd", type: "bigint", default: 0 },
          { name: "description", type: "text", isNullable: true },
          { name: "registered_on", type: "date" },
          { name: "started_on", type: "date", isNullable: true },
          { name: "evaluated_on", type: "date", isNullable: true },
          { name: "decided_on", type: "date", isNullable: true },
          { name: "withdrawn_on", type: "date", isNullable: true },
          version,
        ],
        checks: [{ name: "ck_mobilisation_model_resources", expression: "resources_mobilised_vnd >= 0" }],
        indices: [
          index("ix_mobilisation_model_unit", ["unit_code", "id"]),
          index("ix_mobilisation_model_district", ["district_code", "id"]),
          // Organisation.mobilisationModels: a page per committee.
          index("ix_mobilisation_model_organisation", ["organisation_id", "id"]),
          // modelStatistics: counts by year, unit, field and state.
          index("ix_mobilisation_model_year", ["year", "unit_code", "field", "status"]),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: "member_project",
        columns: [
          id,
          { name: "kind", type: "varchar", length: "20" },
          { name: "name", type: "varchar", length: "300" },
          { name: "organisation_id", type: "varchar", length: "16" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "district_code", type: "varchar", length: "10", isNullable: true },
          { name: "funding_source", type: "varchar", length: "13" },
          { name: "funder_name", type: "varchar", length: "200" },
          { name: "amount_vnd", type: "bigint" },
          { name: "beneficiaries", type: "integer" },
          { name: "starts_on", type: "date" },
          { name: "ends_on", type: "date", isNullable: true },
          version,
        ],
        checks: [
          {
            name: "ck_member_project_values",
            expression: "amount_vnd >= 0 AND beneficiaries >= 0 AND (ends_on IS NULL OR ends_on >= starts_on)",
          },
        ],
        indices: [
          index("ix_member_project_unit", ["unit_code", "id"]),
          index("ix_member_project_district", ["district_code", "id"]),
          index("ix_member_project_organisation", ["organisation_id", "id"]),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["member_project", "mobilisation_model", "solidarity_house"]) await q.dropTable(table);
  }
}
