import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** Member indexes: the per-committee page (organisation_id, id) and counts at a date (organisation_id, joined_on). */
export class MemberIndexes1764000000001 implements MigrationInterface {
  name = "MemberIndexes1764000000001";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      "member",
      new TableIndex({ name: "ix_member_organisation", columnNames: ["organisation_id", "id"] }),
    );
    await q.createIndex(
      "member",
      new TableIndex({ name: "ix_member_joined", columnNames: ["organisation_id", "joined_on"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("member", "ix_member_joined");
    await q.dropIndex("member", "ix_member_organisation");
  }
}
