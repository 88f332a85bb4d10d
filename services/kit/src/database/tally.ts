import type { EntityManager } from "typeorm";
import { placeholders } from "./sql-values.js";

/**
 * Adds `increments` to the tally row identified by `keys`, creating it when missing: one
 * `INSERT … ON CONFLICT … DO UPDATE` (SQLite and PostgreSQL), inside the caller's transaction so
 * the rollup moves with the write it counts. Names are the code's own, never a caller's.
 */
export async function addToTally(
  m: EntityManager,
  table: string,
  keys: Record<string, string | number>,
  increments: Record<string, number | bigint>,
): Promise<void> {
  const keyColumns = Object.keys(keys);
  const columns = [...keyColumns, ...Object.keys(increments)];
  const sets = Object.keys(increments).map((c) => `${c} = ${table}.${c} + excluded.${c}`);
  await m.query(
    placeholders(
      m.connection,
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
       ON CONFLICT (${keyColumns.join(", ")}) DO UPDATE SET ${sets.join(", ")}`,
    ),
    [...Object.values(keys), ...Object.values(increments).map(String)],
  );
}
