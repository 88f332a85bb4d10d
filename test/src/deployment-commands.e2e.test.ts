import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { parseAllDocuments } from "yaml";
import { freePort, repoRoot } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { SUBGRAPHS } from "@danvan/scripts/subgraphs";

/**
 * The containers' start-up, without a container engine: the commands, the environment and the
 * working directory of docker/compose.yaml and docker/Dockerfile (read from those files, not
 * repeated here) run as plain Node processes on free ports against fresh test databases, in the
 * order compose and Kubernetes give them: the subgraphs start (in production they never migrate
 * themselves, so they are up but not ready), the migration one-offs run, the subgraphs turn ready,
 * the gateway starts on the image's CMD, and the graph answers through it.
 *
 * What stays the container engine's: the image build, networks, healthcheck scheduling. Host
 * names of compose services become 127.0.0.1 with the service's port here; /app becomes the
 * repository; there is no Redis (REDIS_URL is dropped: the gateway keeps persisted queries in
 * memory).
 */

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), "utf8");
const [compose] = parseAllDocuments(read("docker/compose.yaml"), { version: "1.1" }).map((d) => d.toJS());
const dockerfile = read("docker/Dockerfile");
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const appDir = /^WORKDIR (\S+)$/m.exec(runtimeStage)![1]!;
const imageCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtimeStage)![1]!) as string[];
/** The runtime stage's ENV: every container starts with it. */
const imageEnv = Object.fromEntries(
  [.../^ENV ((?:[^\n]*\\\n)*[^\n]*)/m.exec(runtimeStage)![1]!.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)].map((m) => [
    m[1]!,
    m[2]!,
  ]),
);

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}, $$. */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g, (all, name, colon, op, arg) => {
    if (all === "$$") return "$";
    const v = vars[name];
    const missing = colon ? !v : v === undefined;
    if (op === "-") return missing ? arg : v!;
    if (op === "?" && missing) throw new Error(`required variable ${name} is missing a value: ${arg}`);
    return v ?? "";
  });
}

interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
}

function startProcess(name: string, argv: string[], env: NodeJS.ProcessEnv): Proc {
  assert.equal(argv[0], "node", `${name} runs node`);
  const child = spawn(process.execPath, argv.slice(1), {
    cwd: repoRoot, // the image's WORKDIR
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  return { name, child, output: () => output, exited };
}

async function runToEnd(name: string, argv: string[], env: NodeJS.ProcessEnv) {
  const p = startProcess(name, argv, env);
  return { code: await p.exited, output: p.output() };
}

/** Polls until `url` answers `status` (the process must stay up meanwhile). */
async function waitFor(url: string, status: number, proc: Proc, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.output()}`);
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    if (res?.status === status) return res.json() as Promise<{ status: string }>;
    if (Date.now() > deadline) throw new Error(`${url} never answered ${status}:\n${proc.output().slice(-3000)}`);
    await delay(100);
  }
}

describe("the containers' commands, run as plain processes", () => {
  const vars = {
    IDENTITY_SECRET: randomBytes(32).toString("base64url"),
    JWT_SECRET: randomBytes(32).toString("base64url"),
    // Interpolated into compose's database URLs, which are replaced by the test databases'.
    POSTGRES_PASSWORD: "unused",
    // The petitions' key-encryption key: `<version>:<base64 of 32 bytes>` (issue 19).
    PETITIONS_IDENTITY_KEYS: `1:${randomBytes(32).toString("base64")}`,
  };
  const ports = new Map<string, number>();
  const databases = new Map<string, TestDatabase>();
  const running = new Map<string, Proc>();
  const url = (service: string, p: string) => `http://127.0.0.1:${ports.get(service)}${p}`;

  /** A compose service's environment on this machine: interpolated, its hosts and paths mapped. */
  function envOf(service: string, database?: TestDatabase): NodeJS.ProcessEnv {
    const env: Record<string, string> = { ...imageEnv };
    for (const [k, v] of Object.entries(compose.services[service].environment ?? {})) {
      env[k] = interpolate(String(v), vars);
    }
    for (const [k, v] of Object.entries(env)) {
      if (v.startsWith(`${appDir}/`)) env[k] = path.join(repoRoot, v.slice(appDir.length + 1));
      if (/^https?:\/\//.test(v)) {
        const u = new URL(v);
        if (!ports.has(u.hostname)) continue;
        u.port = String(ports.get(u.hostname));
        u.hostname = "127.0.0.1";
        env[k] = u.toString();
      }
    }
    if (env.HOST) env.HOST = "127.0.0.1";
    if (env.PORT) env.PORT = String(ports.get(service));
    delete env.REDIS_URL;
    if (env.DATABASE_URL) {
      assert.ok(database, `${service} needs a database`);
      delete env.DATABASE_URL;
      Object.assign(env, database.env);
    }
    return env;
  }
  const commandOf = (service: string) =>
    (compose.services[service].command ?? imageCmd).map((a: string) => interpolate(a, vars));

  before(async () => {
    for (const name of [...SUBGRAPHS.map((s) => s.name), "gateway"]) ports.set(name, await freePort());
    for (const s of SUBGRAPHS) databases.set(s.name, await createTestDatabase(`deploy_${s.name}`));
    for (const s of SUBGRAPHS) {
      running.set(s.name, startProcess(s.name, commandOf(s.name), envOf(s.name, databases.get(s.name))));
    }
    await Promise.all(SUBGRAPHS.map((s) => waitFor(url(s.name, "/livez"), 200, running.get(s.name)!)));
  });

  after(async () => {
    for (const p of [...running.values()].reverse()) {
      if (p.child.exitCode === null) p.child.kill("SIGKILL");
      await p.exited;
    }
    for (const d of databases.values()) await d.drop();
  });

  it("start the subgraphs in production, up but not ready: they never migrate themselves", async () => {
    for (const s of SUBGRAPHS) {
      assert.equal(envOf(s.name, databases.get(s.name)).NODE_ENV, "production");
      const res = await fetch(url(s.name, "/readyz"));
      assert.equal(res.status, 503, s.name);
      assert.deepEqual(await res.json(), { status: "migrations pending" }, s.name);
    }
  });

  it("run the migration one-offs: every pending migration applied, then the subgraphs are ready", async () => {
    const runs = await Promise.all(
      SUBGRAPHS.map((s) =>
        runToEnd(
          `migrate-${s.name}`,
          commandOf(`migrate-${s.name}`),
          envOf(`migrate-${s.name}`, databases.get(s.name)),
        ),
      ),
    );
    runs.forEach((r, i) => {
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, new RegExp(`^${SUBGRAPHS[i]!.name}: applied [1-9]\\d* migration`, "m"));
    });
    for (const s of SUBGRAPHS) await waitFor(url(s.name, "/readyz"), 200, running.get(s.name)!);
  });

  it("start the gateway on the image's CMD; every service's compose healthcheck passes", async () => {
    const gateway = startProcess("gateway", commandOf("gateway"), envOf("gateway"));
    running.set("gateway", gateway);
    assert.deepEqual(await waitFor(url("gateway", "/readyz"), 200, gateway), { status: "ready" });
    for (const name of ["gateway", ...SUBGRAPHS.map((s) => s.name)]) {
      const [kind, ...argv] = compose.services[name].healthcheck.test as string[];
      assert.equal(kind, "CMD");
      const check = await runToEnd(`${name} healthcheck`, argv, { PORT: String(ports.get(name)) });
      assert.equal(check.code, 0, `${name} healthcheck: ${check.output}`);
    }
    const down = await runToEnd("healthcheck of nothing", compose.services.gateway.healthcheck.test.slice(1), {
      PORT: String(await freePort()),
    });
    assert.equal(down.code, 1, "the healthcheck fails when nothing answers");
  });

  it("answer a query through the gateway that every subgraph takes part in", async () => {
    const res = await fetch(url("gateway", "/graphql"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{
          povertyStandards { code fromYear }
          administrativeUnits(level: PROVINCE) { code }
          petitionStatistics(unitCode: "89", from: "2019-01-01", to: "2019-12-31") { received }
        }`,
      }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    // Reference data the programs migrations load; the rest is empty until a seed one-off runs.
    assert.ok(body.data.povertyStandards.length >= 3, JSON.stringify(body.data));
    assert.deepEqual(body.data.administrativeUnits, []);
    assert.equal(body.data.petitionStatistics.received, 0);
  });

  it("run a migration one-off again: nothing to do (a re-run Job is harmless)", async () => {
    const [first] = SUBGRAPHS;
    const again = `migrate-${first!.name}`;
    const r = await runToEnd(again, commandOf(again), envOf(again, databases.get(first!.name)));
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, new RegExp(`^${first!.name}: migrations up to date$`, "m"));
  });

  it("stop on SIGTERM, the gateway first, each after draining", async () => {
    for (const name of ["gateway", ...SUBGRAPHS.map((s) => s.name)]) {
      const p = running.get(name)!;
      p.child.kill("SIGTERM");
      const ended = await p.exited;
      // Each process owns its signals (Apollo's own handler is off): drained, closed, exit code 0.
      assert.equal(ended, 0, `${name} ended with ${ended}`);
      assert.match(p.output(), /"signal":"SIGTERM"/, `${name} logged the signal and drained`);
    }
  });
});
