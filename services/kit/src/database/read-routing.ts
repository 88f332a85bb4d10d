import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, QueryRunner, ReplicationMode } from "typeorm";
import type { Logger } from "pino";
import { databaseUnavailability } from "./unavailable.js";

/**
 * Read replicas. With DATABASE_REPLICA_URLS set, TypeORM holds one pool for the primary and one
 * per replica. Everything uses the primary unless the work runs inside `onReadReplica`: the
 * subgraph server wraps a read-only request (no mutation in its document, no request from the
 * gateway for the primary) in it. Then SELECTs outside a transaction (repositories, query
 * builders, DataLoaders, raw `SELECT …` or read-only `WITH …` through `dataSource.query`) go to a replica; anything
 * that writes, and everything inside a transaction, stays on the primary. A replica that cannot be
 * reached is left alone for REPLICA_RETRY_MS while its reads go to another replica, or to the primary.
 */
const routing = new AsyncLocalStorage<ReplicationMode>();

/** Runs `fn` (and every async step it starts) with reads sent to a replica. */
export function onReadReplica<T>(fn: () => T): T {
  return routing.run("slave", fn);
}

/** "slave" inside `onReadReplica`, otherwise "master". */
export function currentReadMode(): ReplicationMode {
  return routing.getStore() ?? "master";
}

const SELECT = /^\s*select\b/i;
const WITH = /^\s*with\b/i;
const WRITES = /\b(insert|update|delete|merge)\b/i;

/** A statement that only reads: a SELECT, or a WITH (recursive or not) whose statements write nothing. */
export function onlyReads(sql: string): boolean {
  return SELECT.test(sql) || (WITH.test(sql) && !WRITES.test(sql));
}

/** How long a replica that could not be reached is left alone before its reads try it again. */
export const REPLICA_RETRY_MS = 5000;

type Connection = [unknown, () => void];
interface ReplicatedDriver {
  slaves: { connect(cb: (err: Error | undefined, c: unknown, release: () => void) => void): void }[];
  obtainMasterConnection(): Promise<Connection>;
  obtainSlaveConnection(): Promise<Connection>;
}

/**
 * A replica's connection, from a random replica that is not known to be down; when a replica
 * cannot be reached it is marked down and the next one is tried, and when none can, the primary.
 */
function connectToAReplica(driver: ReplicatedDriver, logger: Logger | undefined) {
  const downUntil: number[] = [];
  const connect = (i: number) =>
    new Promise<Connection>((ok, fail) =>
      driver.slaves[i]!.connect((err, c, release) => (err ? fail(err) : ok([c, release]))),
    );
  return async (): Promise<Connection> => {
    const n = driver.slaves.length;
    const start = Math.floor(Math.random() * n);
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      if ((downUntil[i] ?? 0) > Date.now()) continue;
      try {
        return await connect(i);
      } catch (err) {
        if (databaseUnavailability(err) !== "DATABASE_UNREACHABLE") throw err;
        downUntil[i] = Date.now() + REPLICA_RETRY_MS;
        logger?.warn(
          { replica: i, retryInMs: REPLICA_RETRY_MS, cause: (err as Error).message },
          "read replica unreachable: reading elsewhere",
        );
      }
    }
    return driver.obtainMasterConnection();
  };
}

/** Makes `dataSource` send reads to a replica inside `onReadReplica` (see above). */
export function installReadRouting(dataSource: DataSource, logger?: Logger): void {
  const driver = dataSource.driver as unknown as ReplicatedDriver;
  driver.obtainSlaveConnection = connectToAReplica(driver, logger);
  dataSource.defaultReplicationModeForReads = currentReadMode;
  const primaryQuery = dataSource.query.bind(dataSource);
  dataSource.query = async function routedQuery<T>(
    sql: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || currentReadMode() !== "slave" || !onlyReads(sql)) {
      return primaryQuery(sql, parameters, queryRunner) as Promise<T>;
    }
    const replica = dataSource.createQueryRunner("slave");
    try {
      return (await replica.query(sql, parameters)) as T;
    } finally {
      await replica.release();
    }
  } as DataSource["query"];
}
