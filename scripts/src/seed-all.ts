import { spawn } from "node:child_process";
import cliProgress from "cli-progress";
import type { SeedProgressMessage } from "@danvan/kit/seeding";
import { databaseEnv, prepareDatabase, seedScript, SUBGRAPHS } from "./environment.js";

export interface SeedAllOptions {
  scale: string;
  reset?: boolean;
  ifEmpty?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Draws one bar per subgraph table on a terminal, or a line per table elsewhere. */
function progressBoard() {
  const tty = process.stderr.isTTY;
  const multi = tty
    ? new cliProgress.MultiBar(
        { format: " {name} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    on(subgraph: string, m: SeedProgressMessage) {
      const name = `${subgraph} ${m.table}`.padEnd(46);
      if ("total" in m) {
        if (multi) bars.set(name, multi.create(m.total, 0, { name }));
        else console.log(`${subgraph}: loading ${m.table} (${m.total} rows expected)`);
      } else if ("finished" in m) {
        bars.get(name)?.setTotal(m.finished);
        bars.get(name)?.update(m.finished);
      } else bars.get(name)?.update(m.done);
    },
    stop: () => multi?.stop(),
  };
}

/**
 * Seeds every subgraph's database at once, each in its own process (two cores load in
 * parallel), drawing every table's progress in one place; each seed's summary is printed when
 * all are done. Throws naming the subgraph whose seed failed.
 */
export async function seedAll(opts: SeedAllOptions): Promise<void> {
  for (const s of SUBGRAPHS) await prepareDatabase(s, !!opts.reset);
  const args = ["--scale", opts.scale, ...(opts.ifEmpty ? ["--if-empty"] : [])];
  const board = progressBoard();
  const results = await Promise.all(
    SUBGRAPHS.map(
      (s) =>
        new Promise<{ name: string; code: number; output: string }>((resolve, reject) => {
          const child = spawn(process.execPath, [seedScript(s), ...args], {
            env: { ...process.env, ...opts.env, ...databaseEnv(s), DANVAN_SEED_PROGRESS: "ipc" },
            stdio: ["ignore", "pipe", "pipe", "ipc"],
          });
          let output = "";
          child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
          child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
          child.on("message", (m: SeedProgressMessage) => board.on(s.name, m));
          child.once("error", reject);
          child.once("exit", (code, signal) => resolve({ name: s.name, code: code ?? (signal ? 1 : 0), output }));
        }),
    ),
  );
  board.stop();
  for (const r of results) process.stdout.write(r.output);
  const failed = results.find((r) => r.code !== 0);
  if (failed)
    throw new Error(
      `${failed.name}: seeding failed (exit ${failed.code}); run \`npm run seed -- --reset\` to start from an empty database`,
    );
}
