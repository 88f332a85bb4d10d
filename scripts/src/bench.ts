import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import pg from "pg";
import { databaseUrlOn, freePort, repoRoot, spawnService, waitForReady, type ServiceProcess } from "@danvan/kit";
import { issueDevToken, loadConfig } from "@danvan/gateway";

/**
 * `npm run bench`: the federation on the full dataset (SQLite, or PostgreSQL with --postgres),
 * driven with autocannon in interleaved rounds: each scenario through our gateway, through
 * Hive Gateway (the peer) and a default @apollo/gateway (the baseline), both over the same
 * subgraphs, and direct to a subgraph where one can answer alone; then the analysts' operations
 * one at a time. Writes bench/gateway-<db>.md and bench/analyst-operations-<db>.md.
 */
const opts = new Command()
  .name("bench")
  .option("--duration <seconds>", "measured seconds per run", "10")
  .option("--warmup <seconds>", "warm-up seconds before each run", "2")
  .option("--rounds <n>", "interleaved rounds (medians are taken over them)", "3")
  .option("--connections <n>", "concurrent connections", "16")
  .option("--scenarios <names>", "comma-separated scenario names (default: all)")
  .option("--no-peer", "leave out Hive Gateway")
  .option("--no-baseline", "leave out the default @apollo/gateway (the baseline)")
  .option("--cached", "add a second gateway with the response cache in Redis (REDIS_URL, else 127.0.0.1:6379)")
  .option("--no-analyst", "leave out the analysts' operations")
  .option("--no-load", "leave out the load scenarios (the analysts' operations only)")
  .option("--requests <n>", "sequential requests per analyst operation", "200")
  .option("--postgres <server-url>", "a PostgreSQL server (else DANVAN_POSTGRES_URL, else SQLite)")
  .option("--soak <seconds>", "instead of the rounds: every scenario at once for this long (600 for the goal)")
  .option("--label <name>", "written to bench/gateway-<db>-<name>.md instead (a baseline, say)")
  .parse()
  .opts<{
    duration: string;
    warmup: string;
    rounds: string;
    connections: string;
    scenarios?: string;
    peer: boolean;
    baseline: boolean;
    cached?: boolean;
    analyst: boolean;
    load: boolean;
    requests: string;
    postgres?: string;
    label?: string;
    soak?: string;
  }>();
if (opts.postgres) process.env.DANVAN_POSTGRES_URL = opts.postgres;
const { databaseName, postgresServer, SUBGRAPHS, sqliteFile } = await import("./environment.js");
const { seedAll } = await import("./seed-all.js");
const { startStack } = await import("./stack.js");
const { scenarios } = await import("./bench/scenarios.js");
const { drive } = await import("./bench/load.js");
const { analystOperations } = await import("./bench/analyst.js");
const { machine, report } = await import("./bench/report.js");
const { soak, soakReport } = await import("./bench/soak.js");

const database = postgresServer ? "PostgreSQL" : "SQLite";
const durationSeconds = Number(opts.duration);
const connections = Number(opts.connections);
const rounds = Number(opts.rounds);

await seedAll({ scale: "full", ifEmpty: true, env: { LOG_LEVEL: "warn" } });

// The mutation mix writes petitions: into a copy, so the dataset stays as published.
const petitions = SUBGRAPHS.find((s) => s.name === "petitions")!;
const copyName = `danvan_bench_petitions_${randomBytes(3).toString("hex")}`;
let petitionsEnv: NodeJS.ProcessEnv;
let dropCopy: () => Promise<void>;
if (postgresServer) {
  const admin = new pg.Client({ connectionString: databaseUrlOn(postgresServer, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${copyName}" TEMPLATE "${databaseName(petitions)}"`);
  await admin.end();
  petitionsEnv = { DATABASE_URL: databaseUrlOn(postgresServer, copyName) };
  dropCopy = async () => {
    const c = new pg.Client({ connectionString: databaseUrlOn(postgresServer, "postgres") });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${copyName}" WITH (FORCE)`);
    await c.end();
  };
} else {
  const file = path.join(os.tmpdir(), `${copyName}.sqlite`);
  fs.copyFileSync(sqliteFile(petitions), file);
  petitionsEnv = { SQLITE_PATH: file };
  dropCopy = async () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  };
}

/** Hive Gateway lives in bench/peer with its own lockfile: installed here on first use. */
function ensurePeerInstalled(): void {
  const dir = path.join(repoRoot, "bench/peer");
  if (fs.existsSync(path.join(dir, "node_modules/@graphql-hive/gateway/package.json"))) return;
  console.log("installing the peer gateway (bench/peer) ...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", dir], { stdio: "inherit" });
}

const stack = await startStack({
  gatewayPort: await freePort(),
  subgraphPort: () => freePort(),
  logLevel: "warn",
  inheritOutput: false,
  subgraphEnv: (name) => (name === "petitions" ? petitionsEnv : {}),
  // The comparison with the peer is made without response caching.
  gatewayEnv: { RESPONSE_CACHE: "false" },
});
/** The other gateways (the peer, the baseline), each its own process. */
const others: ServiceProcess[] = [];
let cachedGateway: ServiceProcess | undefined;
const supergraphCopy = path.join(os.tmpdir(), `${copyName}-supergraph.graphql`);
try {
  const config = loadConfig(process.env);
  const sign = (request: Parameters<typeof issueDevToken>[0]) =>
    issueDevToken(request, config.token.secret!, config.token.issuer, config.token.audience);
  const ctx = {
    officerToken: await sign({ sub: "bench-officer", role: "OFFICER", unit: "883", org: "MTTQ-883", ttl: "8h" }),
    analystToken: await sign({ sub: "bench-analyst", role: "ANALYST", ttl: "8h" }),
    runId: randomBytes(4).toString("hex"),
  };
  const base = (url: string) => new URL(url).origin;
  const targets = [{ name: "ours", url: base(stack.gatewayUrl) }];
  const pids = new Map<string, number>(stack.running.map((p) => [p.name, p.child.pid!]));
  // The same supergraph, pointed at the subgraphs this run started, for the other gateways.
  const peerSupergraph = () => {
    if (!fs.existsSync(supergraphCopy)) {
      let sdl = fs.readFileSync(path.join(repoRoot, "schema/supergraph.graphql"), "utf8");
      for (const [name, url] of Object.entries(stack.subgraphUrls))
        sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
      fs.writeFileSync(supergraphCopy, sdl);
    }
    return supergraphCopy;
  };
  const startOther = async (name: string, script: string, readyPath: string, init?: RequestInit) => {
    const port = await freePort();
    const proc = spawnService({
      name,
      script: path.join(repoRoot, "scripts/dist/bench", script),
      env: { ...process.env, PORT: String(port), PEER_SUPERGRAPH_PATH: peerSupergraph() },
    });
    others.push(proc);
    const origin = `http://127.0.0.1:${port}`;
    await waitForReady(`${origin}${readyPath}`, proc, 60_000, init);
    targets.push({ name, url: origin });
    pids.set(name, proc.child.pid!);
  };
  if (opts.peer && opts.load && !opts.soak) {
    ensurePeerInstalled();
    await startOther("hive", "hive-peer.js", "/readiness");
  }
  if (opts.baseline && opts.load && !opts.soak) {
    // The standalone server has no health route: ready once it answers a query.
    await startOther("apollo", "apollo-default.js", "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
  }
  if (opts.cached && opts.load) {
    const port = await freePort();
    cachedGateway = spawnService({
      name: "gateway-cached",
      script: path.join(repoRoot, "gateway/dist/src/main.js"),
      env: {
        ...process.env,
        ...Object.fromEntries(
          Object.entries(stack.subgraphUrls).map(([n, u]) => [`SUBGRAPH_URL_${n.toUpperCase()}`, u]),
        ),
        PORT: String(port),
        LOG_LEVEL: "warn",
        RESPONSE_CACHE: "true",
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      },
    });
    await waitForReady(`http://127.0.0.1:${port}/readyz`, cachedGateway);
    targets.push({ name: "ours+cache", url: `http://127.0.0.1:${port}` });
    pids.set("gateway-cached", cachedGateway.child.pid!);
  }
  const chosen = opts.load
    ? scenarios().filter((s) => !opts.scenarios || opts.scenarios.split(",").includes(s.name))
    : [];
  if (opts.soak) {
    const warmupSeconds = 30;
    const result = await soak(stack.gatewayUrl.replace(/\/graphql$/, ""), chosen, ctx, pids, {
      seconds: Number(opts.soak),
      connections,
      warmupSeconds,
    });
    const lines = soakReport(database, result, connections, warmupSeconds);
    const out = path.join(repoRoot, "bench", `soak-${database.toLowerCase()}.md`);
    fs.writeFileSync(out, `${lines.join("\n")}\n`);
    console.log(`\n${lines.join("\n")}\n\nwritten to ${path.relative(repoRoot, out)}`);
  }
  const measurements = [];
  for (let round = 1; round <= (opts.soak ? 0 : rounds); round++) {
    // Interleaved: every scenario on every target each round, the targets' order alternating.
    for (const scenario of chosen) {
      const order = round % 2 ? targets : [...targets].reverse();
      const runs = [
        ...(scenario.direct
          ? [{ target: { name: "direct", url: base(stack.subgraphUrls[scenario.direct]!) }, direct: true }]
          : []),
        ...order.map((target) => ({ target, direct: false })),
      ];
      for (const { target, direct } of runs) {
        const m = await drive(scenario, target, ctx, {
          connections,
          durationSeconds,
          warmupSeconds: Number(opts.warmup),
          pids,
          ...(direct ? { identitySecret: config.identitySecret } : {}),
        });
        measurements.push({ ...m, round });
        console.log(
          `round ${round} ${scenario.name} ${target.name}: ${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.errors} errors`,
        );
      }
    }
  }
  if (chosen.length && !opts.soak) {
    const lines = report({ database, scenarios: chosen, measurements, connections, durationSeconds, rounds });
    const out = path.join(
      repoRoot,
      "bench",
      `gateway-${database.toLowerCase()}${opts.label ? `-${opts.label}` : ""}.md`,
    );
    fs.writeFileSync(out, `${lines.join("\n")}\n`);
    console.log(`\n${lines.join("\n")}\n\nwritten to ${path.relative(repoRoot, out)}`);
  }

  if (opts.analyst && !opts.soak) {
    const analyst = await analystOperations(stack.gatewayUrl, ctx.analystToken, Number(opts.requests), database);
    const header = [`# Benchmark: analyst operations at full scale (${database})`, "", machine(), ""];
    const file = path.join(repoRoot, "bench", `analyst-operations-${database.toLowerCase()}.md`);
    fs.writeFileSync(file, [...header, ...analyst, ""].join("\n"));
    console.log(`\n${[...header, ...analyst].join("\n")}\n\nwritten to ${path.relative(repoRoot, file)}`);
  }
} finally {
  for (const p of others) await p.stop();
  await cachedGateway?.stop();
  await stack.stop();
  await dropCopy();
  fs.rmSync(supergraphCopy, { force: true });
}
