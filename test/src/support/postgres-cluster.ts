import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "@danvan/kit";

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, its own port), so a test
 * can stop and restart a real server, or stream it to a real replica, without touching the
 * machine's shared server that other test files use at the same time. As root, the server runs
 * as the `postgres` user (PostgreSQL refuses to run as root).
 */
export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  port: number;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** A hot-standby streaming replica of this server (pg_basebackup -R), started on its own port. */
  startReplica(): Promise<PrivateCluster>;
  /** Stops the server (and its replicas) and removes every file. */
  destroy(): Promise<void>;
}

async function binDir(): Promise<string> {
  const { stdout } = await run("pg_config", ["--bindir"]);
  return stdout.trim();
}

function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

async function pgCommand(bin: string, tool: string, args: string[]): Promise<void> {
  const [cmd, full] = asServerUser(path.join(bin, tool), args);
  try {
    await run(cmd, full, { timeout: 60_000 });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${tool} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

function makeOwnedDir(parent: string, name: string): string {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { mode: 0o700 });
  ownByServerUser(dir);
  return dir;
}

/** As root, hands `dir` to the postgres user, who runs the server and writes there. */
function ownByServerUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = postgresIds();
  fs.chownSync(dir, uid, gid);
}

function postgresIds(): { uid: number; gid: number } {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("no postgres user on this machine to run a private PostgreSQL server as");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

// Fast and small: nothing here must survive a crash of the machine.
const SERVER_SETTINGS = [
  "listen_addresses=127.0.0.1",
  "fsync=off",
  "full_page_writes=off",
  "shared_buffers=16MB",
  "wal_level=replica",
  "max_wal_senders=4",
  "hot_standby=on",
  "wal_retrieve_retry_interval=200ms",
];

function clusterAt(
  bin: string,
  root: string,
  dataDir: string,
  port: number,
  replicas: PrivateCluster[],
): PrivateCluster {
  const options = [`-p ${port}`, `-k ${root}`, ...SERVER_SETTINGS.map((s) => `-c ${s}`)].join(" ");
  const logFile = path.join(root, `server-${port}.log`);
  const self: PrivateCluster = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgCommand(bin, "pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"]),
    stop: (mode = "fast") => pgCommand(bin, "pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]),
    async startReplica() {
      const replicaPort = await freePort();
      const replicaDir = path.join(root, `replica-${replicaPort}`);
      await pgCommand(bin, "pg_basebackup", [
        ...["-h", "127.0.0.1", "-p", String(port), "-U", "postgres"],
        ...["-D", replicaDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
      ]);
      const replica = clusterAt(bin, root, replicaDir, replicaPort, []);
      await replica.start();
      replicas.push(replica);
      return replica;
    },
    async destroy() {
      for (const r of replicas) await r.stop("immediate").catch(() => undefined);
      await self.stop("immediate").catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return self;
}

/** initdb, then start; the caller must `destroy()` it. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = await binDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-pg-"));
  ownByServerUser(root);
  const dataDir = makeOwnedDir(root, "primary");
  const port = await freePort();
  const cluster = clusterAt(bin, root, dataDir, port, []);
  try {
    await pgCommand(bin, "initdb", ["-D", dataDir, "--auth=trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}

/** Copies database `name` from `fromUrl`'s server into a new database of the same name on `cluster`. */
export async function copyDatabase(fromUrl: string, cluster: PrivateCluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danvan-dump-")), "db.sql");
  try {
    await run("pg_dump", ["--no-owner", "--no-privileges", "-f", dump, fromUrl], { timeout: 120_000 });
    await run("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-f", dump, cluster.url(name)], { timeout: 120_000 });
  } finally {
    fs.rmSync(path.dirname(dump), { recursive: true, force: true });
  }
  return cluster.url(name);
}
