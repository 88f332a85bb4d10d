import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor, placeholders } from "@danvan/kit";
import { organisationsSubgraph } from "@danvan/organisations";
import { postGraphQL, startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const COMMUNE = "30280";
const UNIT = `query CachedUnit($code: ID!) { administrativeUnit(code: $code) { code name isRemoteArea version } }`;

interface Unit {
  code: string;
  name: string;
  isRemoteArea: boolean;
  version: number;
}

/**
 * The gateway's response cache through real processes: anonymous callers' queries are kept
 * for as long as the subgraphs' Cache-Control hints allow, callers with a token always get
 * fresh answers, and any mutation retires every cached answer (across replicas through Redis).
 * A hit is told by the answer itself: data changed behind the gateway's back (straight in
 * the subgraph's database) is not seen until a mutation invalidates the cache.
 */
describe("response cache for public answers", () => {
  let f: Federation;
  let ds: DataSource;
  let admin: string;
  before(async () => {
    f = await startFederation();
    admin = await f.token({ sub: "admin-cache", roles: ["ADMIN"] });
    ds = dataSourceFor(
      organisationsSubgraph,
      { ...f.databases.organisations, DB_POOL_SIZE: 2, DB_ACQUIRE_TIMEOUT_MS: 5000 },
      createLogger("e2e-sql", "silent"),
    );
    await ds.initialize();
  });
  after(async () => {
    await ds?.destroy();
    await f?.stop();
  });

  /** Renames the commune in organisations' database, bypassing the gateway (no invalidation). */
  const renameBehindTheGatewaysBack = (name: string) =>
    ds.query(placeholders(ds, "UPDATE administrative_unit SET name = ? WHERE code = ?"), [name, COMMUNE]);

  const ask = async (url: string, token?: string) => {
    const r = await postGraphQL(
      url,
      { query: UNIT, variables: { code: COMMUNE } },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
    return { unit: r.body.data!.administrativeUnit as Unit, response: r };
  };
  const ageOf = (r: GraphQLResponse) => r.headers.get("age");

  async function counters(url: string): Promise<Record<string, number>> {
    const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
    const out: Record<string, number> = { hit: 0, miss: 0, bypass: 0, invalidated: 0 };
    for (const m of text.matchAll(/^danvan_gateway_response_cache_total\{result="(\w+)"\} (\d+)/gm))
      out[m[1]!] = +m[2]!;
    return out;
  }
  /** The response cache writes in the background: wait until the answer is there. */
  async function untilCached(url: string): Promise<Unit> {
    for (let i = 0; i < 50; i++) {
      const { unit, response } = await ask(url);
      if (ageOf(response) !== null) return unit;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail("the answer was never served from the cache");
  }
  const setRemoteArea = async (url: string, unit: Unit) => {
    const r = await postGraphQL(
      url,
      {
        query: `mutation($v: Int!, $r: Boolean!) { setRemoteArea(input: { code: "${COMMUNE}", isRemoteArea: $r, expectedVersion: $v }) { version } }`,
        variables: { v: unit.version, r: !unit.isRemoteArea },
      },
      { authorization: `Bearer ${admin}` },
    );
    assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
  };

  it("serves anonymous queries from the cache, never callers with a token, and forgets everything after a mutation", async () => {
    const before = await counters(f.gatewayUrl);
    const first = await ask(f.gatewayUrl);
    assert.equal(ageOf(first.response), null, "the first answer is computed");
    assert.match(first.response.headers.get("cache-control") ?? "", /^max-age=60, public$/);
    const cached = await untilCached(f.gatewayUrl);
    assert.deepEqual(cached, first.unit);

    await renameBehindTheGatewaysBack("Xã Đổi Tên Trong Cơ Sở Dữ Liệu");
    const stale = await ask(f.gatewayUrl);
    assert.equal(stale.unit.name, first.unit.name, "anonymous callers get the cached answer");
    assert.notEqual(ageOf(stale.response), null);

    const officer = await ask(f.gatewayUrl, admin);
    assert.equal(officer.unit.name, "Xã Đổi Tên Trong Cơ Sở Dữ Liệu", "a caller with a token always gets fresh data");
    assert.equal(ageOf(officer.response), null);
    assert.equal(officer.response.headers.get("cache-control"), "no-store");

    await setRemoteArea(f.gatewayUrl, officer.unit);
    const fresh = await ask(f.gatewayUrl);
    assert.equal(ageOf(fresh.response), null, "the mutation retired the cached answer");
    assert.equal(fresh.unit.name, "Xã Đổi Tên Trong Cơ Sở Dữ Liệu");
    assert.equal(fresh.unit.isRemoteArea, !first.unit.isRemoteArea);

    const after = await counters(f.gatewayUrl);
    assert.ok(after.hit - before.hit >= 2, `hits ${after.hit - before.hit}`);
    assert.equal(after.miss - before.miss, 2, "the first answer and the one after the mutation");
    assert.equal(after.bypass - before.bypass, 1, "the caller with a token");
    assert.equal(after.invalidated - before.invalidated, 1);
    await renameBehindTheGatewaysBack(first.unit.name);
    await setRemoteArea(f.gatewayUrl, fresh.unit);
  });

  it("never keeps an answer with errors", async () => {
    const query = `{ administrativeUnit(code: "${COMMUNE}") { code households(first: 1) { totalCount } } }`;
    for (let i = 0; i < 3; i++) {
      const r = await postGraphQL(f.gatewayUrl, { query });
      assert.ok(r.body.errors?.length, "the public may not list households");
      assert.equal(r.headers.get("age"), null);
    }
  });

  it("shares cached answers between replicas through Redis, and a mutation on one retires them on all", async () => {
    const [a, b] = await Promise.all([f.startReplica({ REDIS_URL }), f.startReplica({ REDIS_URL })]);
    const first = await ask(a);
    assert.equal(ageOf(first.response), null);
    await untilCached(a);
    await renameBehindTheGatewaysBack("Xã Tên Mới Qua Redis");
    const fromB = await ask(b);
    assert.notEqual(ageOf(fromB.response), null, "replica b found replica a's answer in Redis");
    assert.equal(fromB.unit.name, first.unit.name);

    await setRemoteArea(a, (await ask(a, admin)).unit);
    const fresh = await ask(b);
    assert.equal(ageOf(fresh.response), null, "the mutation through a retired b's cached answers");
    assert.equal(fresh.unit.name, "Xã Tên Mới Qua Redis");
    await renameBehindTheGatewaysBack(first.unit.name);
    await setRemoteArea(a, fresh.unit);
  });

  it("answers every request when Redis is down or the cache is off, computing each", async () => {
    for (const env of [{ REDIS_URL: "redis://127.0.0.1:1" }, { RESPONSE_CACHE: "false" }]) {
      const url = await f.startReplica(env);
      const before = await counters(url);
      for (let i = 0; i < 3; i++) assert.equal(ageOf((await ask(url)).response), null, JSON.stringify(env));
      const after = await counters(url);
      assert.equal(after.hit - before.hit, 0);
      if (env.REDIS_URL) assert.equal(after.bypass - before.bypass, 3, "counted as bypasses");
    }
  });
});
