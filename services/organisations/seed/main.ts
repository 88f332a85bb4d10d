import "reflect-metadata";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { createLogger, dataSourceFor, parseEnv, subgraphEnvSchema } from "@danvan/kit";
import { organisationsSubgraph } from "../src/definition.js";
import { isSeeded, seedOrganisations, type SeedProgress, type SeedScale } from "./seed.js";

const program = new Command()
  .name("seed-organisations")
  .description("Create the organisations database (migrations) and load its deterministic dataset.")
  .option("--scale <scale>", "small (tests) or default (≥100,000 members)", "default")
  .option("--if-empty", "do nothing when the database already holds the dataset")
  .option("--no-progress", "no progress bars")
  .parse();
const opts = program.opts<{ scale: SeedScale; ifEmpty?: boolean; progress: boolean }>();
if (!["small", "default"].includes(opts.scale)) program.error("--scale must be small or default");

const env = parseEnv("organisations", subgraphEnvSchema(organisationsSubgraph.defaultPort));
const logger = createLogger("organisations-seed", env.LOG_LEVEL);
const ds = dataSourceFor(organisationsSubgraph, env, logger);
await ds.initialize();
try {
  await ds.runMigrations({ transaction: "each" });
  if (opts.ifEmpty && (await isSeeded(ds))) {
    console.log("organisations: dataset already loaded");
  } else {
    const bars =
      opts.progress && process.stderr.isTTY
        ? new cliProgress.MultiBar(
            { format: " organisations {table} [{bar}] {value}/{total}", hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    const open = new Map<string, cliProgress.SingleBar>();
    const progress: SeedProgress = {
      start: (table, total) => {
        if (bars) open.set(table, bars.create(total, 0, { table: table.padEnd(22) }));
        else console.log(`organisations: loading ${table} (${total} rows)`);
      },
      advance: (table, done) => open.get(table)?.update(done),
    };
    const started = Date.now();
    const counts = await seedOrganisations(ds, { scale: opts.scale, progress });
    bars?.stop();
    console.log(`organisations: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`, counts);
  }
} finally {
  await ds.destroy();
}
