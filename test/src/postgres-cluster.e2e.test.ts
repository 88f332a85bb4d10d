import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import { testDatabaseKind } from "@danvan/kit/testing";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import { copyDatabase, startPrivateCluster, type PrivateCluster } from "./support/postgres-cluster.js";

// A real PostgreSQL primary with a real streaming replica, both the test's own (the machine's shared
// server keeps serving the other test files): organisations runs on them with DATABASE_REPLICA_URLS.
// Run in the PostgreSQL pass (scripts/src/test.ts); the federation's other subgraphs use the pass's databases.

const RECORD = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id fullName } }`;
const MEMBERS = `query($id: ID!) { organisation(id: $id) { members(first: 1) { totalCount } } }`;
const WRITER = { sub: "cluster-writer", roles: ["OFFICER"], unitCode: "883", organisationId: "HND-883" };
const ORG = "HND-30280";
const letters = (i: number) => String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));

describe("organisations on a real PostgreSQL primary and streaming replica", { skip: skipReason() }, () => {
  let f: Federation;
  let primary: PrivateCluster;
  let replica: PrivateCluster;
  let token: string;
  let dbName: string;
  const tag = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  let written = 0;

  const input = (i: number, key = `cluster-${tag}-${i}`) => ({
    organisationId: ORG,
    fullName: `Cụm Máy ${tag} ${letters(i)}`,
    gender: "FEMALE",
    birthYear: 1991,
    joinedOn: "2021-03-01",
    idempotencyKey: key,
  });
  const record = (i: number) => f.query(RECORD, { token, variables: { input: input(i) } });
  const members = async (r?: GraphQLResponse) => {
    const res = r ?? (await f.query(MEMBERS, { token, variables: { id: ORG } }));
    return (res.body.data?.organisation as { members: { totalCount: number } } | undefined)?.members.totalCount;
  };
  async function sql<T>(cluster: PrivateCluster, text: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: cluster.url(dbName) });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
  const countOn = async (cluster: PrivateCluster) =>
    Number(
      (
        await sql<{ n: string }>(
          cluster,
          `SELECT COUNT(*) AS n FROM member m JOIN organisation o ON o.id = m.organisation_id WHERE o.id = $1`,
          [ORG],
        )
      )[0]!.n,
    );
  async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<number> {
    const started = performance.now();
    while (!(await check())) {
      assert.ok(performance.now() - started < ms, `${what} within ${ms} ms`);
      await delay(100);
    }
    return Math.round(performance.now() - started);
  }
  const readyz = () => fetch(f.subgraphUrls.organisations!.replace("/graphql", "/readyz")).then((r) => r.status);

  before(async () => {
    f = await startFederation();
    token = await f.token(WRITER);
    primary = await startPrivateCluster();
    dbName = decodeURIComponent(new URL(f.databases.organisations!.DATABASE_URL!).pathname.slice(1));
    await copyDatabase(f.databases.organisations!.DATABASE_URL!, primary, dbName);
    replica = await primary.startReplica();
    await f.restartSubgraph("organisations", {
      DATABASE_URL: primary.url(dbName),
      DATABASE_REPLICA_URLS: replica.url(dbName),
      DB_ACQUIRE_TIMEOUT_MS: "1000",
    });
  });
  after(async () => {
    await f?.stop();
    await primary?.destroy();
  });

  it("reads from the replica and writes to the primary: a paused replica shows the old count, a retried write with its key still finds its record", async (t) => {
    const before = await members();
    assert.equal(typeof before, "number");
    assert.equal(before, await countOn(primary), "the replica holds the primary's data");

    await sql(replica, "SELECT pg_wal_replay_pause()");
    try {
      const first = await record(0);
      assert.equal(first.body.errors, undefined, first.text);
      written++;
      const id = (first.body.data?.recordMember as { id: string }).id;
      assert.equal(await countOn(primary), before! + 1, "the write is on the primary");
      assert.equal(await countOn(replica), before, "the paused replica has not replayed it");
      // Reads come from the replica: the list still shows the old count.
      assert.equal(await members(), before, "the query read the (paused) replica");
      // The idempotency check is part of the write: it runs on the primary and finds the record.
      const retry = await record(0);
      assert.equal((retry.body.data?.recordMember as { id: string }).id, id, retry.text);
      assert.equal(await countOn(primary), before! + 1, "the retry wrote nothing");
    } finally {
      await sql(replica, "SELECT pg_wal_replay_resume()");
    }
    const caughtUp = await until("the replica catches up", async () => (await members()) === before! + 1);
    t.diagnostic(
      `replicas: paused replica served count ${before} while the primary had ${before! + 1}; retried write returned the same member; caught up ${caughtUp} ms after resume`,
    );
  });

  it("survives a real restart of the primary: writes fail coded and fast while it is down, reads go on from the replica (ready, degraded), then all recovers without a restart", async (t) => {
    const pid = f.organisations.child.pid;
    await primary.stop("fast");
    const down = { writes: 0, writesFailed: 0, reads: 0, readsAnswered: 0, slowestMs: 0 };
    try {
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const w = await record(100 + i);
        down.slowestMs = Math.max(down.slowestMs, Math.round(performance.now() - started));
        down.writes++;
        const e = w.body.errors?.[0];
        if (e) {
          down.writesFailed++;
          assert.equal(e.extensions?.code, "SUBGRAPH_UNAVAILABLE", w.text);
          assert.equal(e.extensions?.reason, "DATABASE_UNREACHABLE", w.text);
          assert.equal(e.extensions?.serviceName, "organisations", w.text);
          for (const secret of ["127.0.0.1", "ECONNREFUSED", `:${primary.port}`, "postgres://"])
            assert.ok(!w.text.includes(secret), `no host, port or cause reaches the client: ${w.text}`);
        }
        down.reads++;
        if ((await members()) !== undefined) down.readsAnswered++;
      }
      assert.equal(down.writesFailed, down.writes, "every write fails while the primary is down");
      assert.equal(down.readsAnswered, down.reads, "the replica answers every read meanwhile");
      assert.ok(down.slowestMs < 5000, `a failed write answered in ${down.slowestMs} ms`);
      // Still ready, degraded: the replica serves reads, so load balancers keep sending them.
      const health = await fetch(f.subgraphUrls.organisations!.replace("/graphql", "/readyz"));
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: "ready", degraded: "primary unreachable: reads only" });
    } finally {
      await primary.start();
    }
    const back = await until("the primary answers again", async () => {
      const health = await fetch(f.subgraphUrls.organisations!.replace("/graphql", "/readyz"));
      return health.status === 200 && !("degraded" in ((await health.json()) as object));
    });
    // The writes that failed are retried with their keys: each makes exactly one member.
    const primaryBefore = await countOn(primary);
    for (let i = 0; i < 5; i++) assert.equal((await record(100 + i)).body.errors, undefined);
    for (let i = 0; i < 5; i++) assert.equal((await record(100 + i)).body.errors, undefined, "a second retry");
    written += 5;
    assert.equal(await countOn(primary), primaryBefore + 5, "one member per key");
    await until("the replica reconnects to the restarted primary and catches up", async () => {
      return (await members()) === (await countOn(primary));
    });
    assert.equal(f.organisations.child.pid, pid, "the same process, not a restart");
    t.diagnostic(
      `faults/postgres-restarted (primary): while down: writes sent ${down.writes}, failed ${down.writesFailed} (SUBGRAPH_UNAVAILABLE DATABASE_UNREACHABLE, slowest ${down.slowestMs} ms), reads sent ${down.reads}, answered ${down.readsAnswered} (replica) / primary in use again ${back} ms after its start / retried writes 10 (5 keys twice), members written 5, lost 0 / process restarts 0`,
    );
  });

  it("survives a real restart of the replica: its reads go to the primary meanwhile, writes go on, and reads return to the replica", async (t) => {
    const pid = f.organisations.child.pid;
    const replicaClients = async () =>
      Number(
        (
          await sql<{ n: string }>(
            replica,
            `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = 'danvan-organisations'`,
          )
        )[0]!.n,
      );
    assert.ok((await replicaClients()) >= 1, "the subgraph reads from the replica");
    await replica.stop("fast");
    const down = { reads: 0, readsRight: 0, writes: 0, writesAnswered: 0, unready: 0 };
    try {
      for (let i = 0; i < 5; i++) {
        down.writes++;
        if ((await record(200 + i)).body.errors === undefined) down.writesAnswered++;
        const r = await f.query(MEMBERS, { token, variables: { id: ORG } });
        down.reads++;
        // The primary answers, so a read sees the write just made.
        if (r.body.errors === undefined && (await members(r)) === (await countOn(primary))) down.readsRight++;
        if ((await readyz()) !== 200) down.unready++;
      }
      assert.equal(down.writesAnswered, down.writes, "the primary takes every write meanwhile");
      assert.equal(down.readsRight, down.reads, "every read answered, from the primary");
      assert.equal(down.unready, 0, "a replica down does not make the subgraph unready");
      assert.match(f.organisations.output(), /read replica unreachable: reading elsewhere/);
    } finally {
      await replica.start();
    }
    written += 5;
    // The replica is tried again after REPLICA_RETRY_MS (5 s): reads move back to it.
    const back = await until(
      "reads return to the replica",
      async () => {
        await members();
        return (await replicaClients()) >= 1;
      },
      20_000,
    );
    assert.equal(await members(), await countOn(primary));
    assert.equal(f.organisations.child.pid, pid, "the same process, not a restart");
    const ours = await sql<{ n: string }>(primary, `SELECT COUNT(*) AS n FROM member WHERE full_name LIKE $1`, [
      `Cụm Máy ${tag} %`,
    ]);
    assert.equal(Number(ours[0]!.n), written, "every write of this file, once");
    t.diagnostic(
      `faults/postgres-restarted (replica): while down: reads sent ${down.reads}, answered right ${down.readsRight} (from the primary), writes sent ${down.writes}, answered ${down.writesAnswered}, readyz non-200 ${down.unready} / reads back on the replica ${back} ms after its start / members of this file ${written}, lost 0 / process restarts 0`,
    );
  });
});

function skipReason(): string | false {
  if (testDatabaseKind() !== "postgres") return "runs in the PostgreSQL pass (TEST_DATABASE=postgres)";
  return false;
}
