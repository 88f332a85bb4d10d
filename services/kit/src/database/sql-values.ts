import type { DataSource } from "typeorm";

/**
 * A `(VALUES …)` table of string rows to join against, written with `?` placeholders (pass
 * the whole statement through `placeholders` before running it):
 * `valuesTable(ds, pairs, "scope", ["unit_code", "commune_code"])`.
 */
export function valuesTable(
  ds: DataSource,
  rows: readonly (readonly string[])[],
  alias: string,
  columns: readonly string[],
): { sql: string; params: string[] } {
  if (rows.length === 0) throw new Error("valuesTable needs at least one row");
  const postgres = ds.options.type === "postgres";
  // PostgreSQL cannot infer a VALUES column's type from an untyped parameter.
  const cell = postgres ? "CAST(? AS TEXT)" : "?";
  const values = rows.map((r) => `(${r.map(() => cell).join(", ")})`).join(", ");
  const generic = columns.map((_, i) => `column${i + 1}`);
  const select = columns.map((c, i) => `${generic[i]} AS ${c}`).join(", ");
  // SQLite names VALUES columns column1, column2, …; PostgreSQL takes names after the alias.
  const from = postgres ? `(VALUES ${values}) AS v(${generic.join(", ")})` : `(VALUES ${values})`;
  return { sql: `(SELECT ${select} FROM ${from}) ${alias}`, params: rows.flat() as string[] };
}

/** Turns `?` placeholders into what the driver wants (`$1, $2, …` on PostgreSQL). */
export function placeholders(ds: DataSource, sql: string): string {
  if (ds.options.type !== "postgres") return sql;
  let n = 1;
  return sql.replace(/\?/g, () => `$${n++}`);
}
