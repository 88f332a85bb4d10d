import type { DataSource } from "typeorm";

/** What a bulk load dropped from its tables, and how to put it back. */
export interface DeferredDefinitions {
  readonly tables: readonly string[];
  restore(): Promise<void>;
}

/**
 * Drops the secondary indexes (and, on PostgreSQL, the foreign keys) of `tables` so that a bulk
 * load writes heap rows only; `restore()` rebuilds each index once over the loaded rows,
 * re-adds the foreign keys (PostgreSQL validates them then) and moves serial sequences past
 * the loaded ids. Primary keys stay: they keep duplicate ids out during the load.
 */
export async function deferConstraints(ds: DataSource, tables: readonly string[]): Promise<DeferredDefinitions> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<Record<string, string>[]>;
  if (ds.options.type !== "postgres") {
    const list = tables.map(() => "?").join(", ");
    const indexes = await q(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
      [...tables],
    );
    for (const i of indexes) await q(`DROP INDEX "${i.name}"`);
    return {
      tables,
      restore: async () => {
        for (const i of indexes) await q(i.sql!);
      },
    };
  }
  const foreignKeys = await q(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
    [[...tables]],
  );
  const indexes = await q(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
    [[...tables]],
  );
  const serials = await q(
    `SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1) AND column_default LIKE 'nextval(%'`,
    [[...tables]],
  );
  for (const fk of foreignKeys) await q(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const i of indexes) await q(`DROP INDEX "${i.name}"`);
  return {
    tables,
    restore: async () => {
      for (const i of indexes) await q(i.def!);
      for (const fk of foreignKeys) await q(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
      for (const s of serials) {
        await q(
          `SELECT setval(pg_get_serial_sequence('"${s.tbl}"', '${s.col}'), COALESCE((SELECT MAX("${s.col}") FROM "${s.tbl}"), 0) + 1, false)`,
        );
      }
    },
  };
}
