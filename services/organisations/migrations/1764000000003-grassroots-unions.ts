import { TableColumn, TableIndex, TableUnique, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Grassroots trade unions (issue 20): an organisation row with a workplace sector is a
 * công đoàn cơ sở in an enterprise or agency, under its district's Labour Federation; the
 * committees of units keep it null. Several grassroots unions share a commune and a kind, so
 * the unique key (unit, kind) holds for committees of units only: a partial unique index,
 * the same on SQLite and PostgreSQL. Labour Federation committees of communes, which do not
 * exist, go with the dataset: reload it (`npm run seed -- --reset`).
 */
export class GrassrootsUnions1764000000003 implements MigrationInterface {
  name = "GrassrootsUnions1764000000003";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      "organisation",
      new TableColumn({ name: "workplace_sector", type: "varchar", length: "32", isNullable: true }),
    );
    await q.dropUniqueConstraint("organisation", "uq_organisation_unit_kind");
    await q.createIndex(
      "organisation",
      new TableIndex({
        name: "uq_organisation_committee",
        columnNames: ["unit_code", "kind"],
        isUnique: true,
        where: '"workplace_sector" IS NULL',
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Grassroots unions cannot live under the old key: their members and positions would go with them.
    const [{ n }] = await q.query(`SELECT COUNT(*) AS "n" FROM "organisation" WHERE "workplace_sector" IS NOT NULL`);
    if (Number(n) > 0) throw new Error("grassroots unions are loaded: reset the database instead of reverting");
    await q.dropIndex("organisation", "uq_organisation_committee");
    await q.createUniqueConstraint(
      "organisation",
      new TableUnique({ name: "uq_organisation_unit_kind", columnNames: ["unit_code", "kind"] }),
    );
    await q.dropColumn("organisation", "workplace_sector");
  }
}
