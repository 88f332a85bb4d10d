import type { MigrationInterface, QueryRunner } from "typeorm";
import { placeholders } from "@danvan/kit";

/**
 * Issue 27: the end-2025 review (the list of the poor for 2026) applies Decree 07/2021's standard:
 * Decree 351/2025/NĐ-CP, the 2026–2030 standard, keeps it "từ ngày 1/1/2026 đến hết ngày 31/12/2026"
 * (src/poverty/standards.data.ts). Decree 07's standard runs to the end-2025 review.
 */
export class StandardFor20261764100000050 implements MigrationInterface {
  name = "StandardFor20261764100000050";

  async up(q: QueryRunner): Promise<void> {
    await q.query(placeholders(q.connection, "UPDATE poverty_standard SET to_year = ? WHERE code = ?"), [
      2025,
      "ND07-2021",
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    // Reviews of 2025 already recorded keep the standard they were recorded under (migration 1764100000030).
    await q.query(placeholders(q.connection, "UPDATE poverty_standard SET to_year = ? WHERE code = ?"), [
      2024,
      "ND07-2021",
    ]);
  }
}
