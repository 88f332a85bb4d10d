import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { freePort, repoRoot, spawnService, waitForReady, type ServiceProcess } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { runNode } from "@danvan/scripts/run-node";

describe("a subgraph process: readiness, bad configuration, graceful stop", () => {
  let db: TestDatabase;
  let proc: ServiceProcess;
  let base: string;
  const env = () => ({
    PATH: process.env.PATH,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    IDENTITY_SECRET: "i".repeat(40),
    ...db.env,
  });

  before(async () => {
    db = await createTestDatabase("lifecycle");
    const code = await runNode(
      path.join(repoRoot, "services/organisations/dist/seed/main.js"),
      ["--scale", "small", "--no-progress"],
      env(),
    );
    assert.equal(code, 0);
  });
  after(async () => {
    await proc?.stop();
    await db.drop();
  });

  it("refuses to start with a bad setting and says which", async () => {
    const bad = spawnService({
      name: "organisations",
      script: path.join(repoRoot, "services/organisations/dist/src/main.js"),
      env: { ...env(), PORT: "not-a-port", DATABASE_URL: "mysql://nope" },
    });
    const code = await new Promise<number | null>((resolve) => bad.child.once("exit", resolve));
    assert.equal(code, 1);
    assert.match(bad.output(), /PORT/);
    assert.match(bad.output(), /DATABASE_URL: must be a postgres:\/\/ URL/);
    assert.doesNotMatch(bad.output(), /\n\s+at /, "a message, not a stack trace");
  });

  it("refuses settings that contradict each other before opening anything: tracing on without a collector, replicas without a primary", async () => {
    const bad = spawnService({
      name: "organisations",
      script: path.join(repoRoot, "services/organisations/dist/src/main.js"),
      env: { ...env(), TRACING: "otlp" },
    });
    assert.equal(await new Promise<number | null>((resolve) => bad.child.once("exit", resolve)), 1);
    assert.match(bad.output(), /OTEL_EXPORTER_OTLP_ENDPOINT: is required when TRACING=otlp/);
    assert.doesNotMatch(bad.output(), /\n\s+at /, "a message, not a stack trace");
    const sqlite = env();
    const replicas = spawnService({
      name: "organisations",
      script: path.join(repoRoot, "services/organisations/dist/src/main.js"),
      env: { ...sqlite, DATABASE_URL: undefined, DATABASE_REPLICA_URLS: "postgres://127.0.0.1:1/x" },
    });
    assert.equal(await new Promise<number | null>((resolve) => replicas.child.once("exit", resolve)), 1);
    assert.match(replicas.output(), /DATABASE_REPLICA_URLS: read replicas need DATABASE_URL/);
  });

  it("is live and ready once migrated, then on SIGTERM drains and exits 0", async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = spawnService({
      name: "organisations",
      script: path.join(repoRoot, "services/organisations/dist/src/main.js"),
      env: { ...env(), PORT: String(port) },
    });
    await waitForReady(`${base}/readyz`, proc);
    assert.equal((await fetch(`${base}/livez`)).status, 200);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as { status: string };
    assert.equal(ready.status, "ready");
    const code = await proc.stop(10_000);
    assert.equal(code, 0);
  });
});
