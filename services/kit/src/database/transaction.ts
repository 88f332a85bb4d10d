import { kitMessage } from "../i18n/messages.js";
import type { DataSource, EntityManager } from "typeorm";
import { ConflictError } from "../errors.js";

/** SQLite's and PostgreSQL's unique-violation signals. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * SQLite has one connection per data source and cannot nest transactions on it: write
 * transactions take turns. PostgreSQL gives each transaction its own pooled connection.
 */
function serialisedOnSqlite<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  if (ds.options.type === "postgres") return fn();
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  sqliteQueues.set(
    ds,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `work` in one transaction: all of it is written or none. A unique violation (two
 * concurrent creates with one idempotency key) is retried once, when the retry finds the
 * winner's record; if it still conflicts the caller gets a CONFLICT error, not a driver error.
 */
export async function inTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await serialisedOnSqlite(ds, () => ds.transaction(work));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= 1) throw new ConflictError(kitMessage("duplicate"));
    }
  }
}
