import { Command } from "commander";
import cliProgress from "cli-progress";
import type { DataSource } from "typeorm";
import { BULK_LOAD_POOL_SIZE } from "./bulk-load.js";
import { parseEnv, subgraphEnvSchema } from "../config.js";
import { createLogger } from "../logger.js";
import { dataSourceFor, type SubgraphDefinition } from "../subgraph.js";
import type { SubgraphContext } from "../context.js";

/** Reports progress per table; the CLI draws bars, tests pass nothing. */
export interface SeedProgress {
  start(table: string, total: number): void;
  advance(table: string, done: number): void;
}

export interface SeedCliOptions<S extends string> {
  scales: readonly S[];
  defaultScale: S;
  seed: (ds: DataSource, opts: { scale: S; progress: SeedProgress }) => Promise<Record<string, number>>;
  isSeeded: (ds: DataSource) => Promise<boolean>;
}

/**
 * A subgraph's seed command: applies the migrations, then loads the deterministic dataset
 * with a progress bar per table (plain lines when not on a terminal), or does nothing with
 * --if-empty when the data is there.
 */
export async function runSeedCli<C extends SubgraphContext, S extends string>(
  def: SubgraphDefinition<C>,
  cli: SeedCliOptions<S>,
): Promise<void> {
  const program = new Command()
    .name(`seed-${def.name}`)
    .description(`Create the ${def.name} database (migrations) and load its deterministic dataset.`)
    .option("--scale <scale>", cli.scales.join(" | "), cli.defaultScale)
    .option("--if-empty", "do nothing when the database already holds the dataset")
    .option("--no-progress", "no progress bars, only the summary")
    .parse();
  const opts = program.opts<{ scale: S; ifEmpty?: boolean; progress: boolean }>();
  if (!cli.scales.includes(opts.scale)) program.error(`--scale must be one of ${cli.scales.join(", ")}`);

  const env = parseEnv(def.name, subgraphEnvSchema(def.defaultPort));
  const logger = createLogger(`${def.name}-seed`, env.LOG_LEVEL);
  // Seeding streams several tables at once, each on a connection of its own.
  const ds = dataSourceFor(def, { ...env, DB_POOL_SIZE: Math.max(env.DB_POOL_SIZE, BULK_LOAD_POOL_SIZE) }, logger);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
    if (opts.ifEmpty && (await cli.isSeeded(ds))) {
      console.log(`${def.name}: dataset already loaded`);
      return;
    }
    const bars =
      opts.progress && process.stderr.isTTY
        ? new cliProgress.MultiBar(
            { format: ` ${def.name} {table} [{bar}] {value}/{total}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    const open = new Map<string, cliProgress.SingleBar>();
    const progress: SeedProgress = {
      start: (table, total) => {
        if (bars) open.set(table, bars.create(total, 0, { table: table.padEnd(24) }));
        else if (opts.progress) console.log(`${def.name}: loading ${table} (${total} rows)`);
      },
      advance: (table, done) => open.get(table)?.update(done),
    };
    const started = Date.now();
    const counts = await cli.seed(ds, { scale: opts.scale, progress });
    bars?.stop();
    console.log(`${def.name}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`, counts);
  } finally {
    await ds.destroy();
  }
}
