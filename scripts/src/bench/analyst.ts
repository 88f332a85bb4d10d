import path from "node:path";
import { performance } from "node:perf_hooks";
import { createLogger, dataSourceFor, repoRoot } from "@danvan/kit";
import { programsSubgraph } from "@danvan/programs";
import { databaseEnv, SUBGRAPHS } from "../environment.js";
import { checkedInOperations } from "../operations-manifest.js";
import { GROUPED_QUESTIONS, groupedQuestionsInSql } from "./grouped-questions.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (v: number) => v.toFixed(1);

/**
 * The analysts' checked-in operations through the gateway, one client, one request at a time,
 * and the headline's aggregation in raw SQL beside them. Returns the report's markdown lines.
 */
export async function analystOperations(
  gatewayUrl: string,
  token: string,
  requests: number,
  database: string,
): Promise<string[]> {
  const lines: string[] = [];
  const send = async (query: string, vars: unknown) => {
    const res = await fetch(gatewayUrl, {
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
  const throughGraph = new Map<string, number>();
  for (const { name, document: query, variables } of checkedInOperations()) {
    for (let i = 0; i < 20; i++) await send(query, variables);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      await send(query, variables);
      times.push(performance.now() - t);
    }
    throughGraph.set(name, median(times));
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

  // The grouped questions (issue 18) beside hand-written SQL over the rows: goal, the graph no slower.
  const inSql = await groupedQuestionsInSql(5);
  lines.push(
    "",
    `## The analysts' grouped questions: through the gateway beside hand-written SQL over the rows (${database})`,
    "",
    "Through the gateway: the medians above (HTTP, the gateway's plan, the subgraphs, JSON). SQL: the same",
    "figures grouped straight from the rows in each subgraph's database, median of 5 after a warm-up",
    "(scripts/src/bench/grouped-questions.ts). Ratio: SQL ms / graph ms (1.0 or more: the graph is no slower).",
    "",
    "| Question | through the graph ms | SQL over the rows ms | ratio |",
    "|---|---:|---:|---:|",
  );
  const ratios: number[] = [];
  const graphs: number[] = [];
  const sqls: number[] = [];
  for (const q of GROUPED_QUESTIONS) {
    const graph = throughGraph.get(q.operation);
    const sql = inSql.get(q.operation);
    if (graph === undefined || sql === undefined) continue;
    ratios.push(sql / graph);
    graphs.push(graph);
    sqls.push(sql);
    lines.push(`| ${q.operation} | ${ms(graph)} | ${ms(sql)} | ${(sql / graph).toFixed(2)} |`);
  }
  const mid = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  lines.push(
    `| **median of the ${ratios.length}** | **${ms(mid(graphs))}** | **${ms(mid(sqls))}** | **${(mid(sqls) / mid(graphs)).toFixed(2)}** |`,
    "",
    `Per question, the median ratio is ${mid(ratios).toFixed(2)}; the graph is slower than the SQL on ${ratios.filter((r) => r < 1).length} of ${ratios.length}`,
    "(small fact tables, where one HTTP round trip, the plan and the units' names fetched from organisations outweigh the grouping).",
  );
  console.log(lines.slice(-ratios.length - 1).join("\n"));
  return lines;
}
