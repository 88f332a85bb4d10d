import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { placeholders } from "@danvan/kit";
import { POVERTY_STANDARDS } from "../src/poverty/standards.data.js";

const year = (column: string) => `CAST(substr(CAST(${column} AS TEXT), 1, 4) AS INTEGER)`;
/** The statuses on the list (src/support/published-visits.ts), as of this migration. */
const LISTED = `'POOR', 'NEAR_POOR'`;

/**
 * Issue 20. The standards by the year of the review that applied them (a review held at the end of
 * a year lists the poor for the next: the 2016–2020 standard from the end-2015 review), with each
 * standard's middle-living-standard band and each review's place in it; and the support tally's
 * events (of every kind) to households on the poor or near-poor list, of which the published
 * household-visits count the Fund's kinds.
 * Reviews already recorded keep the standard they were recorded under (they are the commune's
 * decisions); their middle-band flag is derived from the income they recorded.
 */
export class ReviewYearsAndVisits1764100000030 implements MigrationInterface {
  name = "ReviewYearsAndVisits1764100000030";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      "poverty_threshold",
      new TableColumn({ name: "middle_income_max_vnd", type: "bigint", isNullable: true }),
    );
    for (const s of POVERTY_STANDARDS) {
      await q.query(
        placeholders(q.connection, "UPDATE poverty_standard SET from_year = ?, to_year = ? WHERE code = ?"),
        [s.fromYear, s.toYear, s.code],
      );
      for (const t of s.thresholds)
        await q.query(
          placeholders(
            q.connection,
            "UPDATE poverty_threshold SET middle_income_max_vnd = ? WHERE standard_code = ? AND area = ?",
          ),
          [t.middleIncomeMaxVnd, s.code, t.area],
        );
    }
    await q.addColumn(
      "poverty_classification",
      new TableColumn({ name: "middle_living_standard", type: "boolean", isNullable: true }),
    );
    await q.query(
      `UPDATE poverty_classification SET middle_living_standard =
         CASE WHEN poverty_classification.monthly_income_vnd > t.band_income_max_vnd
               AND poverty_classification.monthly_income_vnd <= t.middle_income_max_vnd THEN TRUE ELSE FALSE END
         FROM household h, poverty_threshold t
        WHERE h.id = poverty_classification.household_id AND t.standard_code = poverty_classification.standard_code
          AND t.area = h.area AND t.middle_income_max_vnd IS NOT NULL`,
    );
    await q.addColumn("support_tally", new TableColumn({ name: "listed_visits", type: "integer", default: 0 }));
    await q.query(
      `UPDATE support_tally SET listed_visits = e.n
         FROM (SELECT commune_code, ${year("given_on")} AS y, kind, COUNT(*) AS n FROM support_event
                WHERE recipient_status IN (${LISTED}) GROUP BY commune_code, ${year("given_on")}, kind) e
        WHERE e.commune_code = support_tally.commune_code AND e.y = support_tally.year AND e.kind = support_tally.kind`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("support_tally", "listed_visits");
    await q.dropColumn("poverty_classification", "middle_living_standard");
    await q.dropColumn("poverty_threshold", "middle_income_max_vnd");
    for (const [code, from, to] of [
      ["QD09-2011", 2010, 2015],
      ["QD59-2015", 2016, 2021],
      ["ND07-2021", 2022, 2025],
    ] as const)
      await q.query(
        placeholders(q.connection, "UPDATE poverty_standard SET from_year = ?, to_year = ? WHERE code = ?"),
        [from, to, code],
      );
  }
}
