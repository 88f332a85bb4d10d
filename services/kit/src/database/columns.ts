import type { QueryRunner } from "typeorm";

/**
 * Column types that differ between the two databases, for migrations written once with the
 * schema-builder API. Everything else (varchar, integer, bigint, date, boolean, text) is shared.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === "postgres";
  return {
    /** An instant: `timestamp with time zone` on PostgreSQL, `datetime` (ISO text) on SQLite. */
    instant: postgres ? "timestamptz" : "datetime",
    /** The default for an instant column: now. */
    now: postgres ? "now()" : "(strftime('%Y-%m-%d %H:%M:%f','now'))",
    /** Auto-increment integer key strategy. */
    increment: "increment" as const,
  };
}
