import { randomUUID } from "node:crypto";
import autocannon, { type Request as LoadRequest, type Result } from "autocannon";
import { ANONYMOUS, IDENTITY_HEADER, signIdentity } from "@danvan/kit/identity";
import { ProcessMeter } from "./processes.js";
import type { Scenario, ScenarioContext } from "./scenarios.js";

/** One gateway (or subgraph) that a scenario can be driven against. */
export interface Target {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:4000 (the scenario's requests add /graphql). */
  url: string;
}

export interface Measurement {
  scenario: string;
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  requests: number;
  /** Per process: CPU milliseconds per request, and peak RSS in MB during the run. */
  processes: Map<string, { cpuMsPerRequest: number; peakRssMb: number }>;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  pids: ReadonlyMap<string, number>;
}

/** Counts answers that are not a clean GraphQL success, by peeking at each body. */
export function counted(requests: LoadRequest[], onBad: () => void): LoadRequest[] {
  return requests.map((r) => {
    const own = typeof r.onResponse === "function" ? r.onResponse : undefined;
    return {
      ...r,
      onResponse: (status: number, body: string, context: object, headers: LoadRequest["headers"]) => {
        if (status === 200 && body.includes('"errors"')) onBad();
        own?.(status, body, context, headers);
      },
    };
  });
}

/**
 * Direct subgraph calls need the gateway's signed identity, one per request (each is usable
 * once): signed ahead of the run, since autocannon's request hook is synchronous.
 */
async function signedDirectRequests(bodies: string[], count: number, secret: string): Promise<LoadRequest[]> {
  const parsed = bodies.map((b) => JSON.parse(b) as { query: string; variables?: unknown });
  const signed: { body: string; token: string }[] = [];
  for (let i = 0; i < count; i++) {
    const which = i % bodies.length;
    const token = await signIdentity(ANONYMOUS, { secret, body: parsed[which]!, requestId: randomUUID() });
    signed.push({ body: bodies[which]!, token });
  }
  let next = 0;
  return [
    {
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json" },
      body: bodies[0],
      setupRequest: (req) => {
        const { body, token } = signed[next++ % signed.length]!;
        return { ...req, body, headers: { ...req.headers, [IDENTITY_HEADER]: token } };
      },
    },
  ];
}

export async function drive(
  scenario: Scenario,
  target: Target,
  ctx: ScenarioContext,
  opts: LoadOptions & { identitySecret?: string; warmupSeconds?: number; directRate?: number },
): Promise<Measurement> {
  const build = async () =>
    opts.identitySecret && scenario.bodies
      ? signedDirectRequests(
          scenario.bodies,
          Math.ceil((opts.directRate ?? 10_000) * opts.durationSeconds),
          opts.identitySecret,
        )
      : scenario.requests(ctx);
  if (opts.warmupSeconds) {
    await autocannon({
      url: target.url,
      connections: opts.connections,
      duration: opts.warmupSeconds,
      requests: await build(),
    });
  }
  const requests = await build();
  let bad = 0;
  const meter = new ProcessMeter(opts.pids);
  meter.start();
  const result: Result = await autocannon({
    url: target.url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    requests: counted(requests, () => bad++),
  });
  const usage = meter.stop();
  const total = result.requests.total;
  const processes = new Map<string, { cpuMsPerRequest: number; peakRssMb: number }>();
  for (const [name, u] of usage)
    processes.set(name, { cpuMsPerRequest: total ? u.cpuMs / total : 0, peakRssMb: u.peakRssMb });
  return {
    scenario: scenario.name,
    target: target.name,
    requestsPerSecond: total / (result.duration || opts.durationSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + bad,
    requests: total,
    processes,
  };
}
