import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Command } from "commander";
import { createLogger, dataSourceFor, freePort, repoRoot } from "@danvan/kit";
import { programsSubgraph } from "@danvan/programs";

/**
 * `npm run bench`: the province's analyst questions at full scale, through the gateway, with the
 * same aggregation done in raw SQL beside them. Seeds the npm scripts' databases if they are
 * empty (SQLite by default, PostgreSQL with --postgres), starts the federation on free ports,
 * warms up, then sends each checked-in operation one at a time and reports medians.
 */
const opts = new Command()
  .name("bench")
  .option("--requests <n>", "timed requests per operation", "200")
  .option("--postgres <server-url>", "a PostgreSQL server (else DANVAN_POSTGRES_URL, else SQLite)")
  .parse()
  .opts<{ requests: string; postgres?: string }>();
if (opts.postgres) process.env.DANVAN_POSTGRES_URL = opts.postgres;
const { databaseEnv, postgresServer, SUBGRAPHS } = await import("./environment.js");
const { seedAll } = await import("./seed-all.js");
const { startStack } = await import("./stack.js");
const { checkedInOperations } = await import("./operations-manifest.js");

const requests = Number(opts.requests);
const database = postgresServer ? "PostgreSQL" : "SQLite";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (v: number) => v.toFixed(1);

await seedAll({ scale: "full", ifEmpty: true, env: { LOG_LEVEL: "warn" } });
const stack = await startStack({
  gatewayPort: await freePort(),
  subgraphPort: () => freePort(),
  logLevel: "warn",
  inheritOutput: false,
});
const lines: string[] = [];
try {
  const token = execFileSync(
    process.execPath,
    [path.join(repoRoot, "gateway/dist/src/cli/issue-token.js"), "--role", "analyst"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  ).trim();
  const send = async (query: string, vars: unknown) => {
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: vars }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  };
  lines.push(
    `## Analyst operations through the gateway (${database}, full dataset)`,
    "",
    `${requests} sequential requests each after 20 warm-up requests; one client, all processes on this machine.`,
    "",
    "| Operation | median ms | p90 ms | p99 ms |",
    "|---|---:|---:|---:|",
  );
  for (const { name, document: query, variables } of checkedInOperations()) {
    for (let i = 0; i < 20; i++) await send(query, variables);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      await send(query, variables);
      times.push(performance.now() - t);
    }
    lines.push(`| ${name} | ${ms(median(times))} | ${ms(pct(times, 0.9))} | ${ms(pct(times, 0.99))} |`);
    console.log(lines.at(-1));
  }

  // The headline's aggregation in SQL, on the rows themselves and on the rollups the graph reads.
  const programs = SUBGRAPHS.find((s) => s.name === "programs")!;
  const env = databaseEnv(programs);
  const ds = dataSourceFor(
    programsSubgraph,
    {
      ...(env.DATABASE_URL
        ? { DATABASE_URL: env.DATABASE_URL }
        : { SQLITE_PATH: path.join(repoRoot, "data/programs.sqlite") }),
      DB_POOL_SIZE: 2,
      DB_ACQUIRE_TIMEOUT_MS: 5000,
    },
    createLogger("bench", "silent"),
  );
  await ds.initialize();
  const timed = async (sqls: string[], n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      for (const q of sqls) await ds.query(q);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const period = "BETWEEN '2010-01-01' AND '2019-12-31'";
  const rows = [
    `SELECT COUNT(*), SUM(CASE WHEN status = 'POOR' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'NEAR_POOR' THEN 1 ELSE 0 END) FROM poverty_classification WHERE year = 2019`,
    `SELECT SUM(amount_vnd) FROM contribution WHERE received_on ${period}`,
    `SELECT kind, COUNT(*) FROM solidarity_house WHERE status = 'HANDED_OVER' AND handed_over_on ${period} GROUP BY kind`,
    `SELECT COUNT(*) FROM support_event WHERE given_on ${period}`,
  ];
  const rollups = [
    `SELECT SUM(households), SUM(poor), SUM(near_poor) FROM poverty_tally WHERE year = 2019`,
    `SELECT SUM(raised_vnd) FROM fund_year_tally WHERE year BETWEEN 2010 AND 2019`,
    `SELECT kind, SUM(handed_over) FROM house_tally WHERE year BETWEEN 2010 AND 2019 GROUP BY kind`,
    `SELECT SUM(visits) FROM support_tally WHERE year BETWEEN 2010 AND 2019`,
  ];
  const onRows = await timed(rows, 5);
  const onRollups = await timed(rollups, 50);
  await ds.destroy();
  lines.push(
    "",
    `## The headline's aggregation in SQL (${database})`,
    "",
    "| Same figures computed by | median ms |",
    "|---|---:|",
    `| SQL over the rows (5.4 M reviews, 3.5 M support events, houses, contributions) | ${ms(onRows)} |`,
    `| SQL over the exact rollups the graph reads | ${ms(onRollups)} |`,
  );
} finally {
  await stack.stop();
}
const header = [
  `# Benchmark: analyst operations at full scale (${database})`,
  "",
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  "",
];
const out = path.join(repoRoot, "bench", `analyst-operations-${database.toLowerCase()}.md`);
fs.writeFileSync(out, [...header, ...lines, ""].join("\n"));
console.log(`\n${[...header, ...lines].join("\n")}\n\nwritten to ${path.relative(repoRoot, out)}`);
