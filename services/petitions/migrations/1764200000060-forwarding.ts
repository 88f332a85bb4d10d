import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Issue 19 (part 2): petitions forwarded to the competent state body (the body, the day, the
 * legal basis, the follow-up date, the day its answer came) and second-round complaints linked
 * to their first round. Nullable columns: the rows before it are neither.
 */
export class Forwarding1764200000060 implements MigrationInterface {
  name = "Forwarding1764200000060";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("petition", [
      new TableColumn({ name: "forwarded_to_body_id", type: "varchar", length: "16", isNullable: true }),
      new TableColumn({ name: "forwarded_on", type: "date", isNullable: true }),
      new TableColumn({ name: "forward_legal_basis", type: "varchar", length: "300", isNullable: true }),
      new TableColumn({ name: "forward_follow_up_due_on", type: "date", isNullable: true }),
      new TableColumn({ name: "forward_answered_on", type: "date", isNullable: true }),
      new TableColumn({ name: "first_round_petition_id", type: "integer", isNullable: true }),
    ]);
    await q.createIndex(
      "petition",
      new TableIndex({ name: "ix_petition_first_round", columnNames: ["first_round_petition_id"] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("petition", "ix_petition_first_round");
    for (const c of [
      "first_round_petition_id",
      "forward_answered_on",
      "forward_follow_up_due_on",
      "forward_legal_basis",
      "forwarded_on",
      "forwarded_to_body_id",
    ]) {
      await q.dropColumn("petition", c);
    }
  }
}
