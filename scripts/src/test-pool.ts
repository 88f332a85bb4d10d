import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

/** One test file's outcome: its wall time and the counts its reporter printed. */
export interface FileResult {
  file: string;
  ms: number;
  code: number;
  tests: number;
  pass: number;
  fail: number;
}

/** A file to run, and how many of the pool's slots it takes (a file that loads both cores takes two). */
export interface PoolFile {
  file: string;
  slots: number;
}

const count = (output: string, word: string) => {
  // The reporter's summary is the last such line.
  const all = [...output.matchAll(new RegExp(`^\\S*\\s*${word} (\\d+)\\s*$`, "gm"))];
  return all.length > 0 ? Number(all[all.length - 1]![1]) : 0;
};

/**
 * Runs test files, each in its own `node --test` process, `slots` at a time, in the order given.
 * Each file's output is printed whole when it ends (files do not interleave); its wall time and
 * counts are handed back.
 */
export function runPool(
  files: PoolFile[],
  slots: number,
  env: NodeJS.ProcessEnv,
  onExit: (stop: () => void) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const running = new Set<ChildProcess>();
  let free = slots;
  let next = 0;
  let stopped = false;
  onExit(() => {
    stopped = true;
    for (const c of running) c.kill("SIGTERM");
  });
  return new Promise((resolve) => {
    const startMore = () => {
      while (!stopped && next < files.length) {
        const f = files[next]!;
        const need = Math.min(f.slots, slots);
        // A file that needs more slots than are free waits for them; others do not jump it.
        if (need > free) break;
        free -= need;
        next++;
        start(f.file, need);
      }
      if ((stopped || next >= files.length) && running.size === 0) resolve(results);
    };
    const start = (file: string, need: number) => {
      const began = Date.now();
      const child = spawn(process.execPath, ["--test", "--test-reporter=spec", file], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      running.add(child);
      let output = "";
      child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
      child.once("close", (code, signal) => {
        running.delete(child);
        free += need;
        const ms = Date.now() - began;
        const r: FileResult = {
          file,
          ms,
          code: code ?? (signal ? 1 : 0),
          tests: count(output, "tests"),
          pass: count(output, "pass"),
          fail: count(output, "fail"),
        };
        results.push(r);
        process.stdout.write(`\n▶ ${path.relative(process.cwd(), file)} (${(ms / 1000).toFixed(1)} s)\n${output}`);
        startMore();
      });
    };
    startMore();
  });
}

/** The summary: totals, the failed files, and the slowest files with their wall times. */
export function summarise(results: FileResult[], wallMs: number, slowest = 10): string {
  const sum = (k: "tests" | "pass" | "fail") => results.reduce((a, r) => a + r[k], 0);
  const failed = results.filter((r) => r.code !== 0);
  const rel = (f: string) => path.relative(process.cwd(), f);
  const lines = [
    "",
    `files ${results.length}, tests ${sum("tests")}, pass ${sum("pass")}, fail ${sum("fail")}, ` +
      `wall ${(wallMs / 1000).toFixed(1)} s, sum of files ${(results.reduce((a, r) => a + r.ms, 0) / 1000).toFixed(1)} s`,
    `slowest ${Math.min(slowest, results.length)} files (wall time each):`,
    ...[...results]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, slowest)
      .map((r) => `  ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${rel(r.file)}`),
  ];
  if (failed.length > 0) lines.push("failed files:", ...failed.map((r) => `  ${rel(r.file)} (exit ${r.code})`));
  return lines.join("\n");
}
