import { Command } from "commander";

const opts = new Command()
  .name("seed")
  .description(
    "Create every subgraph's database and load the deterministic province dataset: SQLite files under data/ " +
      "by default, or one PostgreSQL database per subgraph (danvan_<name>) on the server given by --postgres " +
      "or DANVAN_POSTGRES_URL.",
  )
  .option("--scale <scale>", "full (the province, as npm start uses) or small (as the tests use)", "full")
  .option("--postgres <server-url>", "a PostgreSQL server, such as postgres://postgres@127.0.0.1:5432")
  .option("--reset", "drop and recreate each database first")
  .option("--if-empty", "leave a database that already holds the dataset")
  .parse()
  .opts<{ scale: string; postgres?: string; reset?: boolean; ifEmpty?: boolean }>();

if (opts.postgres) process.env.DANVAN_POSTGRES_URL = opts.postgres;
// Read after the option above: the environment module takes the server from the environment.
const { postgresServer, SUBGRAPHS } = await import("./environment.js");
const { seedAll } = await import("./seed-all.js");

const started = Date.now();
console.log(
  `Seeding ${SUBGRAPHS.length} subgraphs on ${postgresServer ? "PostgreSQL" : "SQLite (data/)"}, scale ${opts.scale}`,
);
try {
  await seedAll({ scale: opts.scale, reset: opts.reset, ifEmpty: opts.ifEmpty });
  console.log(`All seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
