import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

const year = (column: string) => `CAST(substr(CAST(${column} AS TEXT), 1, 4) AS INTEGER)`;

/**
 * Year rollups for the fund, support and houses (filled from the rows already there), and, for
 * databases made when the data said 2011, the 2011–2015 standard applied from the review at the end of 2010: that
 * nationwide review already used it (Chỉ thị 1752/CT-TTg of 21 September 2010).
 */
export class Rollups1764100000002 implements MigrationInterface {
  name = "Rollups1764100000002";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "fund_year_tally",
        columns: [
          { name: "unit_code", type: "varchar", length: "10", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "raised_vnd", type: "bigint", default: 0 },
          { name: "spent_vnd", type: "bigint", default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "support_tally",
        columns: [
          { name: "commune_code", type: "varchar", length: "10", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "kind", type: "varchar", length: "20", isPrimary: true },
          { name: "visits", type: "integer", default: 0 },
          { name: "amount_vnd", type: "bigint", default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "house_tally",
        columns: [
          { name: "commune_code", type: "varchar", length: "10", isPrimary: true },
          { name: "year", type: "integer", isPrimary: true },
          { name: "kind", type: "varchar", length: "6", isPrimary: true },
          { name: "handed_over", type: "integer", default: 0 },
        ],
      }),
    );
    await q.query(
      `INSERT INTO house_tally (commune_code, year, kind, handed_over)
       SELECT commune_code, ${year("handed_over_on")}, kind, COUNT(*) FROM solidarity_house
        WHERE status = 'HANDED_OVER' GROUP BY commune_code, ${year("handed_over_on")}, kind`,
    );
    await q.query(
      `INSERT INTO fund_year_tally (unit_code, year, raised_vnd, spent_vnd)
       SELECT unit_code, ${year("entry_on")},
              SUM(CASE WHEN kind = 'CONTRIBUTION' THEN amount_vnd ELSE 0 END),
              -SUM(CASE WHEN kind IN ('SUPPORT', 'HOUSE') THEN amount_vnd ELSE 0 END)
         FROM fund_entry GROUP BY unit_code, ${year("entry_on")}`,
    );
    await q.query(
      `INSERT INTO support_tally (commune_code, year, kind, visits, amount_vnd)
       SELECT commune_code, ${year("given_on")}, kind, COUNT(*), SUM(amount_vnd)
         FROM support_event GROUP BY commune_code, ${year("given_on")}, kind`,
    );
    await q.query(`UPDATE poverty_standard SET from_year = 2010 WHERE code = 'QD09-2011'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE poverty_standard SET from_year = 2011 WHERE code = 'QD09-2011'`);
    await q.dropTable("support_tally");
    await q.dropTable("house_tally");
    await q.dropTable("fund_year_tally");
  }
}
