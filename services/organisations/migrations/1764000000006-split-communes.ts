import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { placeholders } from "@danvan/kit";
import type { OldCommittee } from "../src/organisations/committees-through-time.js";
import type { OrganisationKind } from "../src/organisations/organisation-kind.js";
import { carryRows, partSuccessions, splitCommittees } from "../src/organisations/split-communes.js";

/**
 * A member of a split commune stays with the part where they live (issue 27): a succession is
 * `whole` or `part` (`organisation_succession.share`); a split commune's committee goes, in part,
 * into the committee of each of its parts; `member_carry` carries each of its members to one part
 * (src/organisations/split-communes.ts: the kit's communeOfTheDay keyed by the member's id). On an
 * existing database it writes the `part` successions and the members' carry rows by the rules the
 * seed uses; on an empty one the seed does.
 */
export class SplitCommunes1764000000006 implements MigrationInterface {
  name = "SplitCommunes1764000000006";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      "organisation_succession",
      new TableColumn({ name: "share", type: "varchar", length: "5", default: "'whole'", isNullable: false }),
    );
    await q.createTable(
      new Table({
        name: "member_carry",
        columns: [
          { name: "member_id", type: "integer", isPrimary: true },
          { name: "to_id", type: "varchar", length: "16" },
          { name: "on_date", type: "date" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["member_id"],
            referencedTableName: "member",
            referencedColumnNames: ["id"],
          }),
          new TableForeignKey({
            columnNames: ["to_id"],
            referencedTableName: "organisation",
            referencedColumnNames: ["id"],
          }),
        ],
        indices: [new TableIndex({ name: "ix_member_carry_to", columnNames: ["to_id"] })],
      }),
    );

    const old: OldCommittee[] = (
      (await q.query(
        `SELECT "id", "kind", "unit_code" FROM "organisation" WHERE "workplace_sector" IS NULL AND "valid_from" IS NULL`,
      )) as { id: string; kind: OrganisationKind; unit_code: string }[]
    ).map((r) => ({ id: r.id, kind: r.kind, unitCode: r.unit_code }));
    const split = splitCommittees(old);
    // No committees (a new database, which the seed loads) or none split.
    if (split.size === 0) return;
    const ids = [...split.keys()];
    const inList = ids.map(() => "?").join(", ");
    await q.query(
      placeholders(
        q.connection,
        `UPDATE "organisation_succession" SET "share" = 'part' WHERE "from_id" IN (${inList})`,
      ),
      ids,
    );
    const existing = new Set(
      (
        (await q.query(`SELECT "from_id", "to_id" FROM "organisation_succession"`)) as {
          from_id: string;
          to_id: string;
        }[]
      ).map((r) => `${r.from_id}>${r.to_id}`),
    );
    for (const s of partSuccessions(split).filter((p) => !existing.has(`${p.fromId}>${p.toId}`)))
      await q.query(
        placeholders(
          q.connection,
          `INSERT INTO "organisation_succession" ("from_id", "to_id", "on_date", "share") VALUES (?, ?, ?, 'part')`,
        ),
        [s.fromId, s.toId, s.onDate],
      );
    const committees = new Map(old.map((o) => [o.id, o]));
    const members = (
      (await q.query(
        placeholders(
          q.connection,
          `SELECT "id", "organisation_id" FROM "member" WHERE "organisation_id" IN (${inList})`,
        ),
        ids,
      )) as { id: number | string; organisation_id: string }[]
    ).map((r) => ({ id: Number(r.id), committee: committees.get(r.organisation_id)! }));
    const rows = carryRows(members, split);
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await q.query(
        placeholders(
          q.connection,
          `INSERT INTO "member_carry" ("member_id", "to_id", "on_date") VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`,
        ),
        chunk.flatMap((r) => [r.memberId, r.toId, r.onDate]),
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("member_carry");
    // Each split committee keeps the one succession migration 1764000000005 gave it (its first part by code).
    const parts = (await q.query(
      `SELECT "from_id", "to_id" FROM "organisation_succession" WHERE "share" = 'part' ORDER BY "from_id", "to_id"`,
    )) as { from_id: string; to_id: string }[];
    const seen = new Set<string>();
    for (const p of parts) {
      if (!seen.has(p.from_id)) {
        seen.add(p.from_id);
        continue;
      }
      await q.query(
        placeholders(q.connection, `DELETE FROM "organisation_succession" WHERE "from_id" = ? AND "to_id" = ?`),
        [p.from_id, p.to_id],
      );
    }
    // In plain SQL, as migration 1764000000005 drops its columns (SQLite 3.35 and later drops one in place).
    await q.query(`ALTER TABLE "organisation_succession" DROP COLUMN "share"`);
  }
}
