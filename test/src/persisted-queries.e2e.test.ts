import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { postGraphQL, startFederation, type Federation } from "./support/federation.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Automatic persisted queries through real gateway processes: in Redis (REDIS_URL), shared by
 * every replica; in memory without it; and a Redis that is down only turns hits into misses.
 */
describe("automatic persisted queries", () => {
  let f: Federation;
  before(async () => {
    f = await startFederation({ extraEnv: { REDIS_URL } });
  });
  after(() => f?.stop());

  /** A document no earlier run has registered: Redis outlives test runs. */
  function freshDocument(): { query: string; hash: string } {
    const tag = randomBytes(6).toString("hex");
    const query = `query Apq_${tag} { unit_${tag}: administrativeUnit(code: "883") { name } }`;
    return { query, hash: createHash("sha256").update(query).digest("hex") };
  }
  const byHash = (url: string, hash: string, query?: string) =>
    postGraphQL(url, {
      ...(query ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
  const codeOf = (r: Awaited<ReturnType<typeof byHash>>) => r.body.errors?.[0]?.extensions?.code;
  const unitName = (r: Awaited<ReturnType<typeof byHash>>) =>
    Object.values((r.body.data ?? {}) as Record<string, { name: string }>)[0]?.name;

  it("registers a document with one replica and serves its hash alone from another, through Redis", async () => {
    const other = await f.startReplica({ REDIS_URL });
    const { query, hash } = freshDocument();
    assert.equal(codeOf(await byHash(f.gatewayUrl, hash)), "PERSISTED_QUERY_NOT_FOUND", "a miss first");
    const registered = await byHash(f.gatewayUrl, hash, query);
    assert.equal(registered.body.errors, undefined, registered.text.slice(0, 300));
    assert.equal(unitName(registered), "Thành phố Long Xuyên");
    const hit = await byHash(other, hash);
    assert.equal(hit.body.errors, undefined, hit.text.slice(0, 300));
    assert.equal(unitName(hit), "Thành phố Long Xuyên", "the other replica found it in Redis");
  });

  it("keeps registrations in the process's memory without Redis", async () => {
    const alone = await f.startReplica({ REDIS_URL: "" });
    const { query, hash } = freshDocument();
    assert.equal(unitName(await byHash(alone, hash, query)), "Thành phố Long Xuyên");
    assert.equal(unitName(await byHash(alone, hash)), "Thành phố Long Xuyên", "a hit in its own memory");
    assert.equal(codeOf(await byHash(f.gatewayUrl, hash)), "PERSISTED_QUERY_NOT_FOUND", "not shared with others");
  });

  it("refuses a document that does not match its hash", async () => {
    const { query } = freshDocument();
    const r = await byHash(f.gatewayUrl, createHash("sha256").update("something else").digest("hex"), query);
    assert.equal(r.status, 400);
    assert.equal(codeOf(r), "BAD_REQUEST");
  });

  it("answers every request when Redis is down: lookups become misses, not errors", async () => {
    const cut = await f.startReplica({ REDIS_URL: "redis://127.0.0.1:1" });
    const { query, hash } = freshDocument();
    const miss = await byHash(cut, hash);
    assert.equal(miss.status, 200, miss.text.slice(0, 300));
    assert.equal(codeOf(miss), "PERSISTED_QUERY_NOT_FOUND");
    const full = await byHash(cut, hash, query);
    assert.equal(full.body.errors, undefined, full.text.slice(0, 300));
    assert.equal(unitName(full), "Thành phố Long Xuyên");
  });
});
