import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, QueryRunner, ReplicationMode } from "typeorm";

/**
 * Read replicas. With DATABASE_REPLICA_URLS set, TypeORM holds one pool for the primary and one
 * per replica. Everything uses the primary unless the work runs inside `onReadReplica`: the
 * subgraph server wraps a read-only request (no mutation in its document, no request from the
 * gateway for the primary) in it. Then SELECTs outside a transaction (repositories, query
 * builders, DataLoaders, raw `SELECT …` through `dataSource.query`) go to a replica; anything
 * that writes, and everything inside a transaction, stays on the primary.
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

/** Makes `dataSource` send reads to a replica inside `onReadReplica` (see above). */
export function installReadRouting(dataSource: DataSource): void {
  dataSource.defaultReplicationModeForReads = currentReadMode;
  const primaryQuery = dataSource.query.bind(dataSource);
  dataSource.query = async function routedQuery<T>(
    sql: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || currentReadMode() !== "slave" || !SELECT.test(sql)) {
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
