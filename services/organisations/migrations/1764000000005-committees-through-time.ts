import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { placeholders } from "@danvan/kit";
import { committeesThroughTime, type OldCommittee } from "../src/organisations/committees-through-time.js";
import type { OrganisationKind } from "../src/organisations/organisation-kind.js";

const COMMITTEE_2019 = "uq_organisation_committee";
const COMMITTEE_FROM = "uq_organisation_committee_from";

/**
 * Committees through time (issue 27): a committee has a first and a last day (`valid_from` null
 * for the 2019 map's, which existed before the records begin), and `organisation_succession`
 * says which committee another went into, from which day. The unique key (unit, kind) holds per
 * map: once for the committees without a first day, once per first day for the others (codes
 * are reused: HPN-30307 of Phường Mỹ Hòa and HPN-30307-25 of Phường Long Xuyên share 30307).
 * On an existing database it ends the 2019 map's committees with their units and writes the
 * 2025 committees, their closure and the successions, by the rules the seed uses
 * (src/organisations/committees-through-time.ts); on an empty one the seed writes them.
 */
export class CommitteesThroughTime1764000000005 implements MigrationInterface {
  name = "CommitteesThroughTime1764000000005";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("organisation", [
      new TableColumn({ name: "valid_from", type: "date", isNullable: true }),
      new TableColumn({ name: "valid_to", type: "date", isNullable: true }),
    ]);
    await q.dropIndex("organisation", COMMITTEE_2019);
    await q.createIndices("organisation", [
      new TableIndex({
        name: COMMITTEE_2019,
        columnNames: ["unit_code", "kind"],
        isUnique: true,
        where: '"workplace_sector" IS NULL AND "valid_from" IS NULL',
      }),
      new TableIndex({
        name: COMMITTEE_FROM,
        columnNames: ["unit_code", "kind", "valid_from"],
        isUnique: true,
        where: '"workplace_sector" IS NULL AND "valid_from" IS NOT NULL',
      }),
    ]);
    await q.createTable(
      new Table({
        name: "organisation_succession",
        columns: [
          { name: "from_id", type: "varchar", length: "16", isPrimary: true },
          { name: "to_id", type: "varchar", length: "16", isPrimary: true },
          { name: "on_date", type: "date" },
        ],
        foreignKeys: ["from_id", "to_id"].map(
          (column) =>
            new TableForeignKey({
              columnNames: [column],
              referencedTableName: "organisation",
              referencedColumnNames: ["id"],
            }),
        ),
        indices: [new TableIndex({ name: "ix_organisation_succession_to", columnNames: ["to_id"] })],
      }),
    );

    const old: OldCommittee[] = (
      (await q.query(
        `SELECT "id", "kind", "unit_code" FROM "organisation" WHERE "workplace_sector" IS NULL ORDER BY "id"`,
      )) as { id: string; kind: OrganisationKind; unit_code: string }[]
    ).map((r) => ({ id: r.id, kind: r.kind, unitCode: r.unit_code }));
    // No committees: a new database, which the seed loads.
    if (old.length === 0) return;
    const plan = committeesThroughTime(old);
    const byEnd = new Map<string, string[]>();
    for (const [id, end] of plan.ends) byEnd.set(end, [...(byEnd.get(end) ?? []), id]);
    for (const [end, ids] of byEnd) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await q.query(
          placeholders(
            q.connection,
            `UPDATE "organisation" SET "valid_to" = ? WHERE "id" IN (${chunk.map(() => "?").join(", ")})`,
          ),
          [end, ...chunk],
        );
      }
    }
    await insertChunks(
      q,
      "organisation",
      plan.committees.map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        unit_code: c.unitCode,
        parent_id: c.parentId,
        workplace_sector: null,
        valid_from: c.validFrom,
        valid_to: null,
      })),
    );
    await insertChunks(
      q,
      "organisation_closure",
      plan.closure.map((c) => ({ ancestor_id: c.ancestorId, descendant_id: c.descendantId, depth: c.depth })),
    );
    await insertChunks(
      q,
      "organisation_succession",
      plan.successions.map((s) => ({ from_id: s.fromId, to_id: s.toId, on_date: s.onDate })),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const fresh = `SELECT "id" FROM "organisation" WHERE "valid_from" IS NOT NULL`;
    // What was recorded at a 2025 committee would go with it: refuse rather than lose it.
    for (const [table, column] of [
      ["member", "organisation_id"],
      ["leadership_position", "organisation_id"],
      ["recruitment_target", "organisation_id"],
      ["campaign", "organisation_id"],
    ] as const) {
      const [{ n }] = await q.query(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "${column}" IN (${fresh})`);
      if (Number(n) > 0) throw new Error(`${table} rows of the 2025 committees exist: reset the database instead`);
    }
    await q.dropTable("organisation_succession");
    await q.query(
      `DELETE FROM "organisation_closure" WHERE "descendant_id" IN (${fresh}) OR "ancestor_id" IN (${fresh})`,
    );
    // Children first: the communes' committees name the province's as parent.
    await q.query(`DELETE FROM "organisation" WHERE "valid_from" IS NOT NULL AND "parent_id" IS NOT NULL`);
    await q.query(`DELETE FROM "organisation" WHERE "valid_from" IS NOT NULL`);
    await q.dropIndex("organisation", COMMITTEE_FROM);
    await q.dropIndex("organisation", COMMITTEE_2019);
    // In plain SQL: TypeORM rebuilds a SQLite table to drop a column, which the members' references
    // forbid inside the migration's transaction; SQLite (3.35 and later) drops an unindexed one in place.
    await q.query(`ALTER TABLE "organisation" DROP COLUMN "valid_to"`);
    await q.query(`ALTER TABLE "organisation" DROP COLUMN "valid_from"`);
    await q.createIndex(
      "organisation",
      new TableIndex({
        name: COMMITTEE_2019,
        columnNames: ["unit_code", "kind"],
        isUnique: true,
        where: '"workplace_sector" IS NULL',
      }),
    );
  }
}

/** Rows by column name, in plain SQL (the tables' entities name their properties otherwise). */
async function insertChunks(q: QueryRunner, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const values = chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ");
    await q.query(
      placeholders(
        q.connection,
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`,
      ),
      chunk.flatMap((r) => columns.map((c) => r[c])),
    );
  }
}
