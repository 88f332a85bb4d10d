import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** The month of a date column and its year as an integer (a date cast to text is YYYY-MM-DD on both databases). */
const month = (column: string) => `substr(CAST(${column} AS TEXT), 1, 7)`;
const year = (column: string) => `CAST(substr(CAST(${column} AS TEXT), 1, 4) AS INTEGER)`;
/** Which level's fund paid: GSO codes have 2 digits for the province, 3 for a district, 5 for a commune. */
const FUNDING = `CASE WHEN e.fund_id IS NULL THEN 'NOT_THE_FUND'
  WHEN length(f.unit_code) = 2 THEN 'PROVINCE_FUND' WHEN length(f.unit_code) = 3 THEN 'DISTRICT_FUND'
  ELSE 'COMMUNE_FUND' END`;

/**
 * The analysts' grouped aggregates (issue 18): households reviewed per year, commune, area, size
 * and status; support per month, commune, kind, paying fund's level and the recipient's status in
 * the event's year, which each support event now records too (so a period's partial months are
 * read from the events alone). All are filled here from the rows already there (the seed's bulk
 * load fills them on a fresh database, the writes keep them). Contributions and houses are
 * grouped from their own tables: contributions through a covering index of a unit's period.
 */
export class AnalystRollups1764100000003 implements MigrationInterface {
  name = "AnalystRollups1764100000003";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "household_year_tally",
        columns: [
          { name: "year", type: "integer", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "10", isPrimary: true },
          { name: "area", type: "varchar", length: "5", isPrimary: true },
          { name: "member_count", type: "integer", isPrimary: true },
          { name: "status", type: "varchar", length: "10", isPrimary: true },
          { name: "households", type: "integer", default: 0 },
          { name: "people", type: "integer", default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "support_month_tally",
        columns: [
          { name: "month", type: "varchar", length: "7", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "10", isPrimary: true },
          { name: "kind", type: "varchar", length: "20", isPrimary: true },
          { name: "funding", type: "varchar", length: "14", isPrimary: true },
          { name: "recipient_status", type: "varchar", length: "10", isPrimary: true },
          { name: "events", type: "integer", default: 0 },
          { name: "amount_vnd", type: "bigint", default: 0 },
        ],
        indices: [new TableIndex({ name: "ix_support_month_tally_commune", columnNames: ["commune_code", "month"] })],
      }),
    );
    await q.addColumn(
      "support_event",
      new TableColumn({ name: "recipient_status", type: "varchar", length: "10", isNullable: true }),
    );
    await q.query(
      `UPDATE support_event SET recipient_status = pc.status FROM poverty_classification pc
        WHERE pc.household_id = support_event.household_id AND pc.year = ${year("support_event.given_on")}`,
    );
    await q.createIndex(
      "contribution",
      new TableIndex({
        name: "ix_contribution_period",
        columnNames: ["unit_code", "received_on", "form", "donor_kind", "amount_vnd"],
      }),
    );
    await q.query(
      `INSERT INTO household_year_tally (year, commune_code, area, member_count, status, households, people)
       SELECT pc.year, pc.commune_code, h.area, h.member_count, pc.status, COUNT(*), SUM(h.member_count)
         FROM poverty_classification pc JOIN household h ON h.id = pc.household_id
        GROUP BY pc.year, pc.commune_code, h.area, h.member_count, pc.status`,
    );
    await q.query(
      `INSERT INTO support_month_tally (month, commune_code, kind, funding, recipient_status, events, amount_vnd)
       SELECT ${month("e.given_on")}, e.commune_code, e.kind, ${FUNDING}, COALESCE(e.recipient_status, 'UNREVIEWED'),
              COUNT(*), SUM(e.amount_vnd)
         FROM support_event e LEFT JOIN fund f ON f.id = e.fund_id
        GROUP BY ${month("e.given_on")}, e.commune_code, e.kind, ${FUNDING}, COALESCE(e.recipient_status, 'UNREVIEWED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("contribution", "ix_contribution_period");
    await q.dropTable("support_month_tally");
    await q.dropTable("household_year_tally");
    await q.dropColumn("support_event", "recipient_status");
  }
}
