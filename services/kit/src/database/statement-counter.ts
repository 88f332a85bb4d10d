import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger, QueryRunner } from "typeorm";
import type { Logger } from "pino";

/** Counts SQL statements per unit of work (one GraphQL operation), for the N+1 guards. */
export interface StatementScope {
  count: number;
}

const scope = new AsyncLocalStorage<StatementScope>();

/** Runs `fn` and returns its result with the number of SQL statements it issued. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const s: StatementScope = { count: 0 };
  const result = await scope.run(s, fn);
  return { result, statements: s.count };
}

/**
 * TypeORM logger: counts every statement into the current scope, logs failures and slow
 * statements through pino, and never logs parameters (they may hold personal data).
 */
export class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly slowMs = 1000,
  ) {}

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const s = scope.getStore();
    if (s) s.count++;
    // For tracing an N+1 guard by hand: DANVAN_TRACE_SQL=1 prints each counted statement.
    if (s && process.env.DANVAN_TRACE_SQL === "1")
      process.stderr.write(`[sql ${s.count}] ${query.replace(/\s+/g, " ").slice(0, 160)}\n`);
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(
      { err: typeof error === "string" ? error : error.message, query: query.slice(0, 500) },
      "sql error",
    );
  }
  logQuerySlow(time: number, query: string): void {
    if (time >= this.slowMs) this.logger.warn({ ms: time, query: query.slice(0, 500) }, "slow sql");
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
