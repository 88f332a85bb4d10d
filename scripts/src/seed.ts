import { Command } from "commander";
import { databaseEnv, postgresServer, prepareDatabase, seedScript, SUBGRAPHS } from "./environment.js";
import { runNode } from "./run-node.js";

const opts = new Command()
  .name("seed")
  .description(
    "Create every subgraph's database and load the deterministic dataset. SQLite files under data/ by default; " +
      "set DANVAN_POSTGRES_URL=postgres://user@host:5432 to use PostgreSQL (one database per subgraph).",
  )
  .option("--scale <scale>", "small (tests) or default", "default")
  .option("--reset", "drop and recreate each database first")
  .option("--if-empty", "leave a database that already holds the dataset")
  .parse()
  .opts<{ scale: string; reset?: boolean; ifEmpty?: boolean }>();

console.log(
  `Seeding ${SUBGRAPHS.length} subgraph(s) on ${postgresServer ? "PostgreSQL" : "SQLite (data/)"}, scale ${opts.scale}`,
);
for (const s of SUBGRAPHS) {
  await prepareDatabase(s, !!opts.reset);
  const args = ["--scale", opts.scale, ...(opts.ifEmpty ? ["--if-empty"] : [])];
  const code = await runNode(seedScript(s), args, { ...process.env, ...databaseEnv(s) });
  if (code !== 0) {
    console.error(`${s.name}: seeding failed (exit ${code}); run with --reset to start from an empty database`);
    process.exit(code);
  }
}
