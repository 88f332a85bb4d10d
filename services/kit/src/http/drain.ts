import type { RequestHandler } from "express";
import { setTimeout as delay } from "node:timers/promises";

/**
 * The first step of a graceful stop, before the HTTP server closes. Once `begin()` is called
 * the process keeps listening: `/readyz` says 503 (load balancers can see it), every answer
 * carries `Connection: close` (clients leave their kept-alive connections), and `settle()`
 * resolves once no request has arrived for `quietMs`, or after `maxMs` (a client that keeps
 * calling this very process must not hold it up: behind a load balancer, traffic stops once
 * readiness says 503). Only then may the server close: connections that carried requests
 * during the drain were closed after their answers, so none is cut off with a request unread.
 */
export class Drain {
  private lastRequestAt = 0;
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  /** Express middleware: notes each request, and asks clients to close once draining. */
  readonly middleware: RequestHandler = (_req, res, next) => {
    this.lastRequestAt = Date.now();
    if (this.draining) res.setHeader("Connection", "close");
    next();
  };

  begin(): void {
    this.draining = true;
  }

  async settle(quietMs: number, maxMs: number): Promise<void> {
    const started = Date.now();
    for (;;) {
      const quietFor = Date.now() - this.lastRequestAt;
      if (quietFor >= quietMs || Date.now() - started >= maxMs) return;
      await delay(Math.min(quietMs - quietFor, 50));
    }
  }
}
