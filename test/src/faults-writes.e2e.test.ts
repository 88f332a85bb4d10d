import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { DataSource } from "typeorm";
import { createLogger, dataSourceFor, placeholders } from "@danvan/kit";
import { testDatabaseKind, testPostgresServerUrl } from "@danvan/kit/testing";
import { organisationsSubgraph } from "@danvan/organisations";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";

const RECORD = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id fullName } }`;
const WRITER = { sub: "faults-writer", roles: ["OFFICER"], unitCode: "883", organisationId: "HND-883" };
const postgresOnly = { skip: testDatabaseKind() !== "postgres" ? "PostgreSQL only" : false };

/** Letters only (a member's name allows no digits): 0 → "Aa", 1 → "Ab", ... */
const letters = (i: number) => String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));

describe("writes and connections under faults: a subgraph killed mid-write, its connections cut, a bounded pool", () => {
  let f: Federation;
  let check: DataSource; // our own connection to organisations' database, for independent SQL checks
  let token: string;

  before(async () => {
    f = await startFederation();
    const db = f.databases.organisations!;
    check = new DataSource(
      db.DATABASE_URL
        ? { type: "postgres", url: db.DATABASE_URL, extra: { application_name: "faults-check", max: 2 } }
        : { type: "better-sqlite3", database: db.SQLITE_PATH! },
    );
    await check.initialize();
    token = await f.token(WRITER);
  });
  after(async () => {
    await check?.destroy();
    await f?.stop();
  });

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await check.query(placeholders(check, text), params)) as T[];

  /** What record-keeping holds for this run's members: members, idempotency records, audit events. */
  async function written(tag: string) {
    const members = await sql<{ id: number; full_name: string }>(
      `SELECT id, full_name FROM member WHERE full_name LIKE ? ORDER BY id`,
      [`Ngắt Ghi ${tag} %`],
    );
    const records = await sql<{ key: string; entity_id: string }>(
      `SELECT "key", entity_id FROM idempotency_record WHERE "key" LIKE ?`,
      [`${WRITER.sub}:recordMember:faults-${tag}-%`],
    );
    const audits = await sql<{ entity_id: string }>(
      `SELECT entity_id FROM audit_event WHERE action = 'recordMember' AND entity_type = 'Member' AND actor = ?`,
      [WRITER.sub],
    );
    const ids = new Set(members.map((m) => String(m.id)));
    return { members, records, audits: audits.filter((a) => ids.has(a.entity_id)) };
  }

  /** Every member has its idempotency record and exactly one audit event, and every record its member. */
  function assertWholeRecords(w: Awaited<ReturnType<typeof written>>, tag: string, when: string): void {
    const byId = new Map(w.members.map((m) => [String(m.id), m.full_name]));
    assert.equal(w.records.length, w.members.length, `${when}: one idempotency record per member`);
    for (const r of w.records) {
      const i = Number(r.key.slice(r.key.lastIndexOf("-") + 1));
      assert.equal(byId.get(r.entity_id), `Ngắt Ghi ${tag} ${letters(i)}`, `${when}: ${r.key} points at its member`);
    }
    assert.deepEqual(
      w.audits.map((a) => a.entity_id).sort(),
      [...byId.keys()].sort(),
      `${when}: one audit event per member, none without its member`,
    );
  }

  it("keeps exactly one member per idempotency key, with its record and audit, when the subgraph is killed mid-write and every write is retried", async (t) => {
    const sent = 30;
    const killAfter = 5; // answers before the kill: the rest are in flight, queued or not yet sent
    const tag = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
    const input = (i: number) => ({
      organisationId: "HND-30280",
      fullName: `Ngắt Ghi ${tag} ${letters(i)}`,
      gender: i % 2 ? "MALE" : "FEMALE",
      birthYear: 1990,
      joinedOn: "2020-05-01",
      idempotencyKey: `faults-${tag}-${i}`,
    });
    const idOf = (r: GraphQLResponse) => (r.body.data?.recordMember as { id: string } | null | undefined)?.id;
    const victim = f.organisations;
    let okSoFar = 0;
    let killedAt: number | undefined;
    const first = await Promise.all(
      Array.from({ length: sent }, async (_, i) => {
        const r = await f.query(RECORD, { token, variables: { input: input(i) } });
        const beforeKill = killedAt === undefined;
        if (idOf(r) && r.body.errors === undefined && ++okSoFar === killAfter) {
          victim.child.kill("SIGKILL");
          killedAt = performance.now();
        }
        return { i, r, beforeKill };
      }),
    );
    await victim.stop();
    assert.equal(victim.child.signalCode, "SIGKILL", "killed, not stopped");
    const ok = first.filter((a) => idOf(a.r) && a.r.body.errors === undefined);
    const unavailable = first.filter((a) =>
      a.r.body.errors?.every((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE"),
    );
    assert.equal(ok.length + unavailable.length, sent, "each answer is a member or SUBGRAPH_UNAVAILABLE, nothing else");
    assert.ok(unavailable.length >= 1, "some writes were cut off by the kill");

    await f.restartSubgraph("organisations");
    const atKill = await written(tag);
    // A transaction the kill interrupted left nothing behind: no member without its record and audit.
    assertWholeRecords(atKill, tag, "after the kill");
    const recordOf = new Map(atKill.records.map((r) => [Number(r.key.slice(r.key.lastIndexOf("-") + 1)), r.entity_id]));
    for (const a of ok) assert.equal(recordOf.get(a.i), idOf(a.r), `an answered write (${a.i}) was committed`);

    const retried = await Promise.all(
      first.map(async ({ i }) => ({ i, r: await f.query(RECORD, { token, variables: { input: input(i) } }) })),
    );
    for (const { i, r } of retried) {
      assert.equal(r.body.errors, undefined, r.text);
      const id = idOf(r)!;
      // A retry of a committed write returns the member it created; the others create theirs now.
      if (recordOf.has(i)) assert.equal(id, recordOf.get(i), `retry ${i} returns the committed member`);
    }
    const end = await written(tag);
    assert.equal(end.members.length, sent, "exactly one member per key");
    assert.equal(new Set(end.members.map((m) => m.full_name)).size, sent);
    assertWholeRecords(end, tag, "after the retries");
    assert.deepEqual(
      retried.map(({ r }) => idOf(r)).sort(),
      end.records.map((r) => r.entity_id).sort(),
      "each retry answered the member its key points at",
    );
    t.diagnostic(
      `faults/killed-mid-write (${testDatabaseKind()}): sent ${sent} / answered before the kill ${first.filter((a) => a.beforeKill && idOf(a.r)).length}, answered in all ${ok.length} / failed SUBGRAPH_UNAVAILABLE ${unavailable.length} / committed at the kill ${atKill.records.length} (answer lost for ${atKill.records.length - ok.length}) / after retries: members ${end.members.length}, idempotency records ${end.records.length}, audit events ${end.audits.length}, lost or half-written 0`,
    );
  });

  const COUNT = `query($u: ID!) { organisations(unitCode: $u, first: 1) { totalCount } }`;
  const databaseName = () => decodeURIComponent(new URL(f.databases.organisations!.DATABASE_URL!).pathname.slice(1));

  it("reconnects by itself when PostgreSQL terminates every connection of its database", postgresOnly, async (t) => {
    const admin = new DataSource({ type: "postgres", url: testPostgresServerUrl(), extra: { max: 1 } });
    await admin.initialize();
    try {
      const pid = f.organisations.child.pid;
      for (let i = 0; i < 5; i++) assert.equal((await f.query(COUNT, { token, variables: { u: "883" } })).status, 200);
      const cut = (await admin.query(
        `SELECT application_name AS app, pg_terminate_backend(pid) AS done FROM pg_stat_activity
         WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [databaseName()],
      )) as { app: string; done: boolean }[];
      const subgraphConnections = cut.filter((c) => c.app === "danvan-organisations" && c.done).length;
      assert.ok(subgraphConnections >= 1, `terminated: ${JSON.stringify(cut)}`);

      // Straight after: the pool drops the dead connections and opens new ones on demand.
      const readyz = f.organisationsUrl.replace("/graphql", "/readyz");
      let unready = 0;
      const started = performance.now();
      while ((await fetch(readyz)).status !== 200) {
        unready++;
        assert.ok(performance.now() - started < 10_000, "ready again within 10 s");
        await delay(50);
      }
      let failed = 0;
      const results: GraphQLResponse[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await f.query(COUNT, { token, variables: { u: i % 2 ? "883" : "884" } });
        results.push(r);
        if (r.body.errors) failed++;
      }
      // pg's pool hears each terminated idle connection's error and discards it, so later queries
      // open fresh ones; only a query that checks a connection out in the few milliseconds before
      // the pool has read that connection's termination notice fails (the first readyz probe, at
      // most). Bound: 2 each, for a loaded machine.
      assert.ok(unready <= 2 && failed <= 2, `unready ${unready}, failed ${failed}: ${results.map((r) => r.text)}`);
      assert.ok(
        results.slice(-5).every((r) => r.body.errors === undefined),
        "the last five queries all answer",
      );
      assert.equal(f.organisations.child.pid, pid, "the same process, not a restart");
      assert.equal(f.organisations.child.exitCode, null);
      t.diagnostic(
        `faults/connections-terminated (postgres): terminated ${cut.filter((c) => c.done).length} backends (${subgraphConnections} the subgraph's) / readyz non-200 after ${unready} / queries sent 10, answered ${10 - failed}, failed ${failed} / process restarts 0`,
      );
    } finally {
      await admin.destroy();
    }
  });

  it(
    "bounds the pool (DB_POOL_SIZE) and fails a wait for a connection after DB_ACQUIRE_TIMEOUT_MS instead of hanging",
    postgresOnly,
    async (t) => {
      // In the kit: one pooled connection held by a query runner; three more queries must fail in time.
      const acquireMs = 600;
      const one = dataSourceFor(
        organisationsSubgraph,
        { ...f.databases.organisations, DB_POOL_SIZE: 1, DB_ACQUIRE_TIMEOUT_MS: acquireMs },
        createLogger("faults-sql", "silent"),
      );
      await one.initialize();
      const holder = one.createQueryRunner();
      let waited: number;
      try {
        await holder.connect();
        await holder.query("SELECT 1");
        const started = performance.now();
        const outcomes = await Promise.allSettled([1, 2, 3].map(() => one.query("SELECT 1")));
        waited = Math.round(performance.now() - started);
        for (const o of outcomes) {
          assert.equal(o.status, "rejected", "no second connection is opened");
          assert.match(String((o as PromiseRejectedResult).reason), /timeout exceeded when trying to connect/);
        }
        assert.ok(waited >= acquireMs - 50 && waited < acquireMs + 1500, `failed after ${waited} ms`);
      } finally {
        await holder.release();
      }
      assert.deepEqual(await one.query("SELECT 1 AS one"), [{ one: 1 }], "the released connection serves again");
      await one.destroy();

      // In a real subgraph process: its only connection waits on a lock we hold, so a second request
      // cannot get a connection and fails after DB_ACQUIRE_TIMEOUT_MS; the first completes once we let go.
      await f.restartSubgraph("organisations", { DB_POOL_SIZE: "1", DB_ACQUIRE_TIMEOUT_MS: "1000" });
      const lock = check.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      let b: { r: GraphQLResponse; ms: number };
      let partial: GraphQLResponse;
      let a: Promise<GraphQLResponse>;
      try {
        await lock.query("LOCK TABLE organisation IN ACCESS EXCLUSIVE MODE");
        a = f.query(COUNT, { token, variables: { u: "883" } });
        const lockWaiters = async () =>
          Number(
            (
              await sql<{ n: number }>(
                `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = ?`,
                [databaseName()],
              )
            )[0]!.n,
          );
        const started = performance.now();
        while ((await lockWaiters()) < 1) {
          assert.ok(performance.now() - started < 5000, "the first request waits on the lock");
          await delay(50);
        }
        const bStarted = performance.now();
        const r = await f.query(COUNT, { token, variables: { u: "884" } });
        b = { r, ms: Math.round(performance.now() - bStarted) };
        // Beside a field another subgraph answers, the busy one is a hole in a 200 answer.
        partial = await f.query(
          `{ organisations(unitCode: "884", first: 1) { totalCount } povertyStandards { code } }`,
          {
            token,
          },
        );
      } finally {
        await lock.rollbackTransaction();
        await lock.release();
      }
      const ra = await a;
      assert.equal(ra.body.errors, undefined, `the request holding the connection completes: ${ra.text}`);
      // Nothing answered: a retry, not a page of nulls. HTTP 503 with Retry-After, its own code, the
      // cause and the subgraph named, and nothing else.
      assert.equal(b.r.status, 503, b.r.text);
      assert.equal(b.r.headers.get("retry-after"), "1");
      assert.equal(b.r.body.data, undefined);
      const busy = b.r.body.errors?.[0];
      assert.equal(b.r.body.errors?.length, 1);
      assert.equal(busy?.extensions?.code, "SERVICE_UNAVAILABLE", b.r.text);
      assert.equal(busy?.extensions?.reason, "DATABASE_BUSY", b.r.text);
      assert.deepEqual(busy?.extensions?.services, ["organisations"], b.r.text);
      assert.equal(busy?.message, "The databases are busy; try again shortly");
      assert.equal(partial!.status, 200, partial!.text);
      assert.equal(partial!.body.data?.organisations, null);
      assert.ok((partial!.body.data?.povertyStandards as unknown[]).length > 0, "the other subgraph answered");
      assert.equal(partial!.body.errors?.[0]?.extensions?.code, "SUBGRAPH_UNAVAILABLE", partial!.text);
      assert.equal(partial!.body.errors?.[0]?.extensions?.reason, "DATABASE_BUSY");
      assert.equal(partial!.body.errors?.[0]?.extensions?.serviceName, "organisations");
      assert.ok(b.ms >= 950 && b.ms < 3000, `the second request failed after ${b.ms} ms (DB_ACQUIRE_TIMEOUT_MS 1000)`);
      assert.match(f.organisations.output(), /timeout exceeded when trying to connect/, "the log names the cause");
      t.diagnostic(
        `faults/pool-bounded (postgres): kit pool of 1 held: 3 waits failed after ${waited} ms (DB_ACQUIRE_TIMEOUT_MS ${acquireMs}) / subgraph with DB_POOL_SIZE=1: request behind a lock answered after release, second request failed after ${b.ms} ms with ${String(busy?.extensions?.code)} ${String(busy?.extensions?.reason)} (DB_ACQUIRE_TIMEOUT_MS 1000)`,
      );
    },
  );
});
