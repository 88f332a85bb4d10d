import type { RequestHandler } from "express";
import type { ApolloServerPlugin } from "@apollo/server";
import { LATENCY_BUCKETS, metricsHandler, OperationNames, operationMetricsPlugin } from "@danvan/kit/http";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/** Why the gateway refused a request before planning it. */
export type RejectionReason =
  "depth" | "aliases" | "directives" | "tokens" | "cost" | "not_safelisted" | "body_too_large" | "bad_token";

/**
 * The gateway's Prometheus metrics, one registry per gateway (tests run several in a process):
 * the process's own (CPU, memory, event-loop lag) and the requests refused by a limit.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly rejected: Counter<"reason" | "audience">;
  readonly responseCache: Counter<"result">;
  readonly operations: Histogram<"operation" | "type">;
  readonly errors: Counter<"code">;
  readonly fetches: Histogram<"subgraph">;
  readonly fetchErrors: Counter<"subgraph" | "reason">;
  private readonly names = new OperationNames();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "danvan_gateway_" });
    this.rejected = new Counter({
      name: "danvan_gateway_rejected_requests_total",
      help: "Requests refused before any subgraph was asked: by the limit or check that refused them, and the caller's audience.",
      labelNames: ["reason", "audience"],
      registers: [this.registry],
    });
    this.operations = new Histogram({
      name: "danvan_gateway_operation_duration_seconds",
      help: "Time to answer one GraphQL request, by operation name (well-formed names only, at most 300) and type.",
      labelNames: ["operation", "type"],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: "danvan_gateway_errors_total",
      help: "Errors in answers to clients, by code.",
      labelNames: ["code"],
      registers: [this.registry],
    });
    this.fetches = new Histogram({
      name: "danvan_gateway_subgraph_fetch_duration_seconds",
      help: "Time of one fetch to a subgraph, by subgraph.",
      labelNames: ["subgraph"],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    this.fetchErrors = new Counter({
      name: "danvan_gateway_subgraph_fetch_errors_total",
      help: "Fetches to a subgraph that failed: timeout, a connection error code, an HTTP status, or rejected (the subgraph refused the operation).",
      labelNames: ["subgraph", "reason"],
      registers: [this.registry],
    });
    this.responseCache = new Counter({
      name: "danvan_gateway_response_cache_total",
      help: "Queries answered from the response cache (hit), computed and stored (miss), or not eligible (bypass: a caller with a token, or the cache store down); invalidated counts mutations that retired every cached answer.",
      labelNames: ["result"],
      registers: [this.registry],
    });
  }

  /** Each operation's latency by name and type, and its answer's errors by code. */
  plugin<C extends object>(): ApolloServerPlugin<C> {
    return operationMetricsPlugin<C>(this.operations, this.errors, this.names);
  }

  /** One fetch to a subgraph: its latency, and why it failed if it did. */
  fetched(subgraph: string, seconds: number, failure?: string): void {
    this.fetches.observe({ subgraph }, seconds);
    if (failure !== undefined) {
      const reason = /^(timeout|E[A-Z]+|HTTP \d{3}|rejected)$/.test(failure) ? failure : "other";
      this.fetchErrors.inc({ subgraph, reason });
    }
  }

  reject(reason: RejectionReason, audience = "public"): void {
    this.rejected.inc({ reason, audience });
  }

  /** GET /metrics in the Prometheus text format. */
  handler(): RequestHandler {
    return metricsHandler(this.registry);
  }
}
