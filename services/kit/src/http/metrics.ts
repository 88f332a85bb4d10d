import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "../context.js";

/** Latency buckets in seconds, from a cached lookup to a slow analyst query. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Operation names come from callers: only well-formed names are labels, and only the first
 * `max` distinct ones (the graph's own operations and the gateway's fetch names fit easily);
 * anything else is "other", so a caller cannot grow the metrics without bound.
 */
export class OperationNames {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 300) {}

  label(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return "other";
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return "other";
    this.seen.add(name);
    return name;
  }
}

/** The error codes of an answer (INTERNAL_SERVER_ERROR when an error has none). */
export function errorCodes(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).map((e) =>
    typeof e.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR",
  );
}

/** One answered operation, as the metrics saw it. */
export interface OperationRecord {
  /** Its label (see OperationNames). */
  name: string;
  type: string;
  seconds: number;
  codes: string[];
}

/**
 * An Apollo plugin timing each operation into `duration` (by name and type) and counting its
 * answer's errors by code into `errors`; `then` runs after, with what was recorded.
 */
export function operationMetricsPlugin<C extends BaseContext>(
  duration: Histogram<"operation" | "type">,
  errors: Counter<"code">,
  names: OperationNames,
  then?: (record: OperationRecord, contextValue: C) => void,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, operation, operationName, response, errors: seen }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const type = operation?.operation ?? "invalid";
          const sent = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const codes = errorCodes(sent ?? seen);
          const name = names.label(operationName);
          duration.observe({ operation: name, type }, seconds);
          for (const code of codes) errors.inc({ code });
          then?.({ name, type, seconds, codes }, contextValue);
        },
      };
    },
  };
}

/** The pg pool behind a TypeORM data source, when it is PostgreSQL. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
function pgPool(dataSource: DataSource): PgPool | undefined {
  const master = (dataSource.driver as { master?: unknown }).master;
  return master && typeof (master as PgPool).totalCount === "number" ? (master as PgPool) : undefined;
}

/**
 * A subgraph's Prometheus metrics, on its private `/metrics`: the process's own, each
 * operation's latency by name and type, errors by code, and the database pool's connections
 * (PostgreSQL: in use, idle, callers waiting; the embedded SQLite has no pool).
 */
export class SubgraphMetrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<"operation" | "type">;
  private readonly errors: Counter<"code">;
  private readonly names = new OperationNames();

  constructor(subgraph: string, dataSource: DataSource, poolSize: number) {
    this.registry.setDefaultLabels({ subgraph });
    collectDefaultMetrics({ register: this.registry, prefix: "danvan_subgraph_" });
    this.duration = new Histogram({
      name: "danvan_subgraph_operation_duration_seconds",
      help: "Time to answer one GraphQL operation (a gateway fetch), by operation name and type.",
      labelNames: ["operation", "type"],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: "danvan_subgraph_errors_total",
      help: "Errors in answers, by code.",
      labelNames: ["code"],
      registers: [this.registry],
    });
    new Gauge({
      name: "danvan_subgraph_db_pool_connections",
      help: "Database pool connections (PostgreSQL): in use, idle, and callers waiting for one.",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        const pool = pgPool(dataSource);
        if (!pool) return;
        this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
    new Gauge({
      name: "danvan_subgraph_db_pool_max",
      help: "The pool's size (DB_POOL_SIZE).",
      registers: [this.registry],
    }).set(poolSize);
  }

  /** Times each operation, counts its errors, and logs one line with the gateway's request id. */
  plugin<C extends SubgraphContext>(): ApolloServerPlugin<C> {
    return operationMetricsPlugin<C>(this.duration, this.errors, this.names, ({ name, type, seconds, codes }, ctx) =>
      ctx.logger.info(
        { operation: name, type, ms: Math.round(seconds * 10_000) / 10, ...(codes.length ? { errors: codes } : {}) },
        "operation",
      ),
    );
  }

  handler(): RequestHandler {
    return metricsHandler(this.registry);
  }
}

/** GET /metrics: a registry in the Prometheus text format. */
export function metricsHandler(registry: Registry): RequestHandler {
  return (_req, res, next) => {
    registry
      .metrics()
      .then((text) => res.type(registry.contentType).send(text))
      .catch(next);
  };
}
