import { spawn } from "node:child_process";

/**
 * Runs a Node script and resolves with its exit code. With the terminal attached by default
 * (progress bars); with `quiet`, its output is collected and handed back instead.
 */
export function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<number> {
  return runNodeCollecting(script, args, env, opts).then((r) => r.code);
}

export function runNodeCollecting(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
