import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";

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

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "danvan_gateway_" });
    this.rejected = new Counter({
      name: "danvan_gateway_rejected_requests_total",
      help: "Requests refused before any subgraph was asked: by the limit or check that refused them, and the caller's audience.",
      labelNames: ["reason", "audience"],
      registers: [this.registry],
    });
    this.responseCache = new Counter({
      name: "danvan_gateway_response_cache_total",
      help: "Queries answered from the response cache (hit), computed and stored (miss), or not eligible (bypass: a caller with a token, or the cache store down); invalidated counts mutations that retired every cached answer.",
      labelNames: ["result"],
      registers: [this.registry],
    });
  }

  reject(reason: RejectionReason, audience = "public"): void {
    this.rejected.inc({ reason, audience });
  }

  /** GET /metrics in the Prometheus text format. */
  handler(): RequestHandler {
    return (_req, res, next) => {
      this.registry
        .metrics()
        .then((text) => res.type(this.registry.contentType).send(text))
        .catch(next);
    };
  }
}
