import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { SUBGRAPH_NODE_ARGS } from "@danvan/kit";
import { testDatabaseKind } from "@danvan/kit/testing";
import { postGraphQL, startFederation, type Federation } from "./support/federation.js";

const PROBE = `query MetricsProbe { administrativeUnit(code: "883") { name children { code povertyStatistics(year: 2019) { poor } } } }`;

/** Reads one sample's value from Prometheus text (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf("}"));
    const found = Object.fromEntries([...inside.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.indexOf("}") + 2));
  }
  return undefined;
}
const metricsOf = async (graphqlUrl: string) => (await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"))).text();

/**
 * Prometheus metrics on every service and the request id across them, through real processes:
 * the gateway's latency by operation, errors by code, and each subgraph fetch; each subgraph's
 * own latency by operation, errors, and (PostgreSQL) its pool.
 */
describe("metrics and request ids across the services", () => {
  let f: Federation;
  let token: string; // callers with a token bypass the response cache: every query reaches the subgraphs
  before(async () => {
    f = await startFederation({ logLevel: "info" });
    token = await f.token({ sub: "analyst-metrics", roles: ["ANALYST"] });
  });
  after(() => f?.stop());

  it("counts each operation, its subgraph fetches and its errors at the gateway", async () => {
    const before = await metricsOf(f.gatewayUrl);
    const count = (text: string, name: string, labels: Record<string, string>) => sample(text, name, labels) ?? 0;
    for (let i = 0; i < 3; i++) assert.equal((await f.query(PROBE, { token })).body.errors, undefined);
    const missing = await f.query(`query MissingUnit { administrativeUnit(code: "99999") { name } }`);
    const code = missing.body.errors?.[0]?.extensions?.code as string;
    assert.ok(code, missing.text);
    const after = await metricsOf(f.gatewayUrl);
    const op = { operation: "MetricsProbe", type: "query" };
    const name = "danvan_gateway_operation_duration_seconds_count";
    assert.equal(count(after, name, op) - count(before, name, op), 3);
    const fetches = "danvan_gateway_subgraph_fetch_duration_seconds_count";
    for (const subgraph of ["organisations", "programs"])
      assert.ok(count(after, fetches, { subgraph }) - count(before, fetches, { subgraph }) >= 3, subgraph);
    const errors = "danvan_gateway_errors_total";
    assert.equal(count(after, errors, { code }) - count(before, errors, { code }), 1);
  });

  it("counts a subgraph that cannot be reached, by subgraph and reason", async () => {
    const cut = await f.startReplica({ SUBGRAPH_URL_PROGRAMS: "http://127.0.0.1:1/graphql" });
    const r = await postGraphQL(cut, { query: PROBE });
    assert.equal(r.body.errors?.[0]?.extensions?.code, "SUBGRAPH_UNAVAILABLE", r.text);
    const text = await metricsOf(cut);
    assert.ok(
      (sample(text, "danvan_gateway_subgraph_fetch_errors_total", { subgraph: "programs", reason: "ECONNREFUSED" }) ??
        0) >= 1,
      text
        .split("\n")
        .filter((l) => l.includes("fetch_errors"))
        .join("\n"),
    );
  });

  it("has every subgraph time its operations and log the gateway's request id", async () => {
    const requestId = `metrics-probe-${Date.now()}`;
    const r = await f.query(PROBE, { token, headers: { "x-request-id": requestId } });
    assert.equal(r.headers.get("x-request-id"), requestId);
    for (const name of ["organisations", "programs"]) {
      const text = await metricsOf(f.subgraphUrls[name]!);
      const timed = text
        .split("\n")
        .filter(
          (l) => l.startsWith("danvan_subgraph_operation_duration_seconds_count{") && l.includes(`subgraph="${name}"`),
        );
      assert.ok(
        timed.some((l) => /operation="MetricsProbe__\w+"/.test(l)),
        `${name}: ${timed.join("\n")}`,
      );
      assert.ok(sample(text, "danvan_subgraph_db_pool_max", { subgraph: name }) !== undefined);
      if (testDatabaseKind() === "postgres")
        assert.ok(sample(text, "danvan_subgraph_db_pool_connections", { subgraph: name, state: "idle" }) !== undefined);
    }
    // One JSON line per operation in each subgraph's log, carrying the gateway's request id.
    const lines = f
      .subgraphOutput()
      .split("\n")
      .filter((l) => l.includes(requestId))
      .map((l) => JSON.parse(l) as { name: string; msg: string; requestId: string });
    const services = new Set(lines.filter((l) => l.msg === "operation").map((l) => l.name));
    assert.ok(services.has("organisations") && services.has("programs"), JSON.stringify(lines));
  });

  it("runs every subgraph with the subgraphs' Node options, and reports their young generation's size", async () => {
    for (const name of ["organisations", "programs", "petitions"]) {
      const argv = fs.readFileSync(`/proc/${f.subgraph(name).child.pid}/cmdline`, "utf8").split("\0");
      for (const arg of SUBGRAPH_NODE_ARGS) assert.ok(argv.includes(arg), `${name}: ${argv.join(" ")}`);
      const text = await metricsOf(f.subgraphUrls[name]!);
      const young = sample(text, "danvan_subgraph_nodejs_heap_space_size_total_bytes", { space: "new" });
      assert.ok(young !== undefined && young <= 8 * 1048576, `${name}: new space ${young} bytes`);
    }
  });
});
