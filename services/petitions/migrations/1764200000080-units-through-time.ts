import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";

const column = (nullable: boolean) =>
  new TableColumn({ name: "district_code", type: "varchar", length: "10", isNullable: nullable });

/**
 * Issue 27: from 2025-07-01 there are no districts (two-tier local government, Law 72/2025/QH15),
 * so a petition received at a 2025 commune has no district: `petition.district_code` may be null.
 * The rows before keep the district of their receipt date. `down` refuses while such petitions
 * exist (they would have no district to go back to): reset the database instead.
 */
export class UnitsThroughTime1764200000080 implements MigrationInterface {
  name = "UnitsThroughTime1764200000080";

  async up(q: QueryRunner): Promise<void> {
    await setNullable(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    const [row] = (await q.query(`SELECT COUNT(*) AS "n" FROM "petition" WHERE "district_code" IS NULL`)) as {
      n: number | string;
    }[];
    if (Number(row!.n) > 0)
      throw new Error("petitions received on the 2025 map (no district) exist: reset the database instead");
    await setNullable(q, false);
  }
}

/**
 * PostgreSQL changes the constraint in place. SQLite cannot: TypeORM rebuilds the table with its
 * rows and indexes, which is safe going up (the foreign keys are off while migrations run, so the
 * steps and identities that refer to the petitions stay) but not going down (TypeORM's
 * undoLastMigration opens its transaction first, where SQLite ignores turning the foreign keys
 * off, and the rebuild's DROP would delete every petition's steps by cascade). So on SQLite `down`
 * leaves the column nullable: the code before this migration always writes a district.
 */
async function setNullable(q: QueryRunner, nullable: boolean): Promise<void> {
  if (q.connection.options.type === "postgres")
    await q.query(`ALTER TABLE "petition" ALTER COLUMN "district_code" ${nullable ? "DROP" : "SET"} NOT NULL`);
  else if (nullable) await q.changeColumn("petition", "district_code", column(true));
}
