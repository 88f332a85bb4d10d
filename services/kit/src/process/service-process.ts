import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { setTimeout as delay } from "node:timers/promises";

/** A service running as its own Node process (a subgraph or the gateway). */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface SpawnOptions {
  name: string;
  /** The compiled entry script. */
  script: string;
  /** Options for Node itself, before the script (a subgraph's SUBGRAPH_NODE_ARGS). */
  nodeArgs?: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Copy its output to this process's stdout/stderr (npm start) instead of only keeping it. */
  inheritOutput?: boolean;
}

export function spawnService(opts: SpawnOptions): ServiceProcess {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  let size = 0;
  const keep = (b: Buffer) => {
    chunks.push(b.toString());
    size += b.length;
    while (size > 1_000_000 && chunks.length > 1) size -= chunks.shift()!.length;
  };
  child.stdout!.on("data", (b: Buffer) => {
    keep(b);
    if (opts.inheritOutput) process.stdout.write(b);
  });
  child.stderr!.on("data", (b: Buffer) => {
    keep(b);
    if (opts.inheritOutput) process.stderr.write(b);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name: opts.name,
    child,
    output: () => chunks.join(""),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * Polls `url` until it answers 200, the process exits, or the time runs out; `init` makes each
 * poll another request than a GET (a GraphQL POST to a server without a health route, say).
 */
export async function waitForReady(
  url: string,
  proc?: ServiceProcess,
  timeoutMs = 60_000,
  init?: RequestInit,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.child.exitCode !== null) {
      throw new Error(
        `${proc.name} exited with code ${proc.child.exitCode} before it was ready:\n${proc.output().slice(-4000)}`,
      );
    }
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline)
      throw new Error(`${url} not ready after ${timeoutMs} ms${proc ? `:\n${proc.output().slice(-4000)}` : ""}`);
    await delay(100);
  }
}

/**
 * Ports handed out and not yet surely bound, across processes: test files run side by side,
 * each starting services on ports the OS picked, and the OS may offer a port again as soon as
 * it is closed, while the service it was picked for is still starting. A port is reserved by
 * creating a file named after it; a reservation older than RESERVATION_MS is stale (its service
 * has long bound the port, or is gone).
 */
const RESERVATIONS = path.join(os.tmpdir(), "danvan-ports");
const RESERVATION_MS = 5 * 60_000;

let swept = false;

/** Once per process: deletes stale reservations, so that the folder does not grow without end. */
function sweep(): void {
  swept = true;
  fs.mkdirSync(RESERVATIONS, { recursive: true });
  for (const name of fs.readdirSync(RESERVATIONS)) {
    try {
      const file = path.join(RESERVATIONS, name);
      if (Date.now() - fs.statSync(file).mtimeMs > RESERVATION_MS) fs.rmSync(file, { force: true });
    } catch {
      /* another process swept it */
    }
  }
}

function reserve(port: number): boolean {
  if (!swept) sweep();
  const file = path.join(RESERVATIONS, String(port));
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  let age: number;
  try {
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return reserve(port); // released meanwhile
  }
  if (age < RESERVATION_MS) return false;
  fs.writeFileSync(file, String(process.pid));
  return true;
}

function osPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A port nobody is listening on right now (the OS picks it), and that no process of this
 * machine has been handed by this function in the last few minutes.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await osPickedPort();
    if (reserve(port)) return port;
  }
}
