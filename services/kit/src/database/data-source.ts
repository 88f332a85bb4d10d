import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DataSource, type MixedList, type EntitySchema } from "typeorm";
import type { Logger } from "pino";
import { CountingLogger } from "./statement-counter.js";
import { dataDir } from "../paths.js";
import { installReadRouting } from "./read-routing.js";

// Calendar dates stay "YYYY-MM-DD" strings (no time-zone shift); 64-bit counts become numbers
// when they are safe integers and stay strings otherwise (money is handled as bigint).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export type DatabaseKind = "sqlite" | "postgres";

export interface DataSourceOptions {
  /** The subgraph's name: names the default SQLite file. */
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logger: Logger;
  /** postgres://… selects PostgreSQL; otherwise the embedded SQLite file. */
  databaseUrl?: string;
  /** SQLite file; defaults to data/<service>.sqlite. */
  sqlitePath?: string;
  /** PostgreSQL pool: at most this many connections. */
  poolSize?: number;
  /** How long a request may wait for a pooled connection before failing. */
  acquireTimeoutMs?: number;
  /** PostgreSQL streaming replicas for read-only requests (see read-routing.ts); each gets its own pool. */
  replicaUrls?: readonly string[];
}

export function databaseKindOf(databaseUrl: string | undefined): DatabaseKind {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}

/** One data source per subgraph: a SQLite file by default, PostgreSQL when its URL is set. */
export function createDataSource(opts: DataSourceOptions): DataSource {
  const sqlLogger = opts.logger.child({ component: "sql" });
  const logger = new CountingLogger(sqlLogger);
  if (databaseKindOf(opts.databaseUrl) === "postgres") {
    const replicas = opts.replicaUrls ?? [];
    const ds = new DataSource({
      type: "postgres",
      ...(replicas.length
        ? { replication: { master: { url: opts.databaseUrl }, slaves: replicas.map((url) => ({ url })) } }
        : { url: opts.databaseUrl }),
      entities: opts.entities,
      migrations: opts.migrations,
      migrationsTransactionMode: "each",
      synchronize: false,
      logger,
      logging: ["error", "warn", "migration"],
      maxQueryExecutionTime: 1000,
      poolSize: opts.poolSize ?? 10,
      extra: {
        connectionTimeoutMillis: opts.acquireTimeoutMs ?? 5000,
        idleTimeoutMillis: 30_000,
        application_name: `danvan-${opts.service}`,
        // No JIT: the graph's statements are short, and a recursive CTE's row estimates can trip the
        // JIT threshold, compiling for a second a statement that runs in milliseconds.
        options: "-c jit=off",
      },
    });
    // Without replicas every read stays on the one pool; with them, only reads inside onReadReplica move.
    if (replicas.length) installReadRouting(ds, sqlLogger);
    return ds;
  }
  const file = opts.sqlitePath ?? path.join(dataDir(), `${opts.service}.sqlite`);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return new DataSource({
    type: "better-sqlite3",
    database: file,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTransactionMode: "each",
    synchronize: false,
    enableWAL: true,
    logger,
    logging: ["error", "warn", "migration"],
    maxQueryExecutionTime: 1000,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma("foreign_keys = ON");
      db.pragma("busy_timeout = 5000");
      db.pragma("synchronous = NORMAL");
    },
  });
}

/** True when every migration the code knows has been applied. */
export async function migrationsApplied(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
