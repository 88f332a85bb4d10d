import { databaseEnv, prepareDatabase, seedScript, SUBGRAPHS } from "./environment.js";
import { runNodeCollecting } from "./run-node.js";

export interface SeedAllOptions {
  scale: string;
  reset?: boolean;
  ifEmpty?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Seeds every subgraph's database at once, each in its own process (two cores load in parallel).
 * The subgraph whose seed is the longest keeps the terminal for its progress bars; the others
 * print what they did when they finish. Throws naming the subgraph whose seed failed.
 */
export async function seedAll(opts: SeedAllOptions): Promise<void> {
  for (const s of SUBGRAPHS) await prepareDatabase(s, !!opts.reset);
  const args = ["--scale", opts.scale, ...(opts.ifEmpty ? ["--if-empty"] : [])];
  const results = await Promise.all(
    SUBGRAPHS.map(async (s) => {
      const quiet = !s.longestSeed;
      const r = await runNodeCollecting(
        seedScript(s),
        quiet ? [...args, "--no-progress"] : args,
        { ...process.env, ...opts.env, ...databaseEnv(s) },
        { quiet },
      );
      if (quiet) process.stdout.write(r.output);
      return { s, code: r.code };
    }),
  );
  const failed = results.find((r) => r.code !== 0);
  if (failed)
    throw new Error(
      `${failed.s.name}: seeding failed (exit ${failed.code}); run \`npm run seed -- --reset\` to start from an empty database`,
    );
}
