/**
 * Why a database could not serve a request, when the fault is the database's and not the
 * request's: the caller may retry the same request later (with its idempotency key, for a write).
 * - DATABASE_BUSY: no pooled connection came free within DB_ACQUIRE_TIMEOUT_MS, or SQLite stayed locked;
 * - DATABASE_UNREACHABLE: refused, reset, terminated, shutting down or starting up.
 */
export type DatabaseUnavailability = "DATABASE_BUSY" | "DATABASE_UNREACHABLE";

// Network errors from node, and PostgreSQL's SQLSTATEs for connection failures (class 08) and
// operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "53300"]); // 53300: too many connections

// pg-pool's wait for a connection, and pg's client when the server closes the socket mid-query.
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;
const TERMINATED = /Connection terminated|server closed the connection|Client has encountered a connection error/i;

/** The kind of database outage `error` (or its cause / driverError) shows, if any. */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (BUSY_CODES.has(code)) return "DATABASE_BUSY";
      if (UNREACHABLE_CODES.has(code)) return "DATABASE_UNREACHABLE";
    }
    if (POOL_TIMEOUT.test(e.message)) return "DATABASE_BUSY";
    if (TERMINATED.test(e.message)) return "DATABASE_UNREACHABLE";
    const next = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return undefined;
}
