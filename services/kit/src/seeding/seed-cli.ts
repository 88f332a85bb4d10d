import { Command } from "commander";
import cliProgress from "cli-progress";
import type { DataSource } from "typeorm";
import { BULK_LOAD_POOL_SIZE } from "./bulk-load.js";
import type { SeedProgress } from "./progress.js";

export type { SeedProgress };
import { parseEnv, subgraphEnvSchema } from "../config.js";
import { createLogger } from "../logger.js";
import { dataSourceFor, type SubgraphDefinition } from "../subgraph.js";
import type { SubgraphContext } from "../context.js";

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
    const progress = reporter(def.name, opts.progress);
    const started = Date.now();
    const counts = await cli.seed(ds, { scale: opts.scale, progress });
    progress.stop();
    console.log(`${def.name}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`, counts);
  } finally {
    await ds.destroy();
  }
}

/** A progress message a seed process sends its parent (`npm run seed` draws all subgraphs' bars). */
export type SeedProgressMessage =
  | { type: "seed-progress"; table: string; total: number }
  | { type: "seed-progress"; table: string; done: number }
  | { type: "seed-progress"; table: string; finished: number };

/**
 * Where progress goes: to the parent process when it asked for messages (DANVAN_SEED_PROGRESS=ipc),
 * else a bar per table on a terminal, else nothing (the summary is printed at the end).
 */
function reporter(name: string, wanted: boolean): SeedProgress & { stop(): void } {
  if (process.env.DANVAN_SEED_PROGRESS === "ipc" && process.send) {
    const send = (m: SeedProgressMessage) => process.send!(m);
    return {
      start: (table, total) => send({ type: "seed-progress", table, total }),
      advance: (table, done) => send({ type: "seed-progress", table, done }),
      finished: (table, rows) => send({ type: "seed-progress", table, finished: rows }),
      stop: () => undefined,
    };
  }
  if (!wanted || !process.stderr.isTTY)
    return { start: () => undefined, advance: () => undefined, stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    { format: ` ${name} {table} [{bar}] {value}/{total}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const open = new Map<string, cliProgress.SingleBar>();
  return {
    start: (table, total) => void open.set(table, bars.create(total, 0, { table: table.padEnd(24) })),
    advance: (table, done) => open.get(table)?.update(done),
    finished: (table, rows) => {
      open.get(table)?.setTotal(rows);
      open.get(table)?.update(rows);
    },
    stop: () => bars.stop(),
  };
}
