import type { EntityManager } from "typeorm";
import { placeholders } from "@danvan/kit";

/**
 * Locks a household's row for the rest of the caller's transaction (PostgreSQL; SQLite's writers
 * already take turns), so a review and a support event of the same household cannot interleave
 * and leave the support rollup keyed by a status read before the other committed.
 */
export async function lockHousehold(m: EntityManager, householdId: number): Promise<void> {
  if (m.connection.options.type !== "postgres") return;
  await m.query(placeholders(m.connection, "SELECT id FROM household WHERE id = ? FOR UPDATE"), [householdId]);
}
