import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { createLogger } from "@danvan/kit/logger";
import { deploymentTag, memoryResponseCacheStore, redisResponseCacheStore } from "./response-cache.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = createLogger("response-cache-test", "silent");
const secret = () => randomBytes(32).toString("base64url");

describe("response cache stores", () => {
  it("tags a deployment by its identity secret and its supergraph, without revealing the secret", () => {
    const s = secret();
    assert.equal(deploymentTag(s, "type Query { a: Int }"), deploymentTag(s, "type Query { a: Int }"));
    assert.notEqual(deploymentTag(s, "type Query { a: Int }"), deploymentTag(secret(), "type Query { a: Int }"));
    assert.notEqual(deploymentTag(s, "type Query { a: Int }"), deploymentTag(s, "type Query { b: Int }"));
    assert.doesNotMatch(deploymentTag(s, ""), new RegExp(s.slice(0, 8)));
  });

  it("keeps deployments sharing one Redis apart: answers and generations", async () => {
    const mine = redisResponseCacheStore(REDIS_URL, logger, deploymentTag(secret(), "sdl"));
    const theirs = redisResponseCacheStore(REDIS_URL, logger, deploymentTag(secret(), "sdl"));
    try {
      await mine.cache.set("answer", "mine", { ttl: 30 });
      assert.equal(await mine.cache.get("answer"), "mine");
      assert.equal(await theirs.cache.get("answer"), undefined);
      const [g1, t1] = [await mine.generation(), await theirs.generation()];
      assert.equal(g1, "initial");
      await mine.invalidate();
      const g2 = await mine.generation();
      assert.ok(g2 && g2 !== g1, "a mutation gives a new generation");
      assert.equal(await theirs.generation(), t1, "the other deployment's is untouched");
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  it("shares one generation between replicas of a deployment", async () => {
    const tag = deploymentTag(secret(), "sdl");
    const a = redisResponseCacheStore(REDIS_URL, logger, tag);
    const b = redisResponseCacheStore(REDIS_URL, logger, tag);
    try {
      await a.invalidate();
      assert.equal(await b.generation(), await a.generation());
      await b.invalidate();
      assert.equal(await a.generation(), await b.generation());
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("says it cannot tell when Redis is down, and then leaves Redis alone for a while", async () => {
    // A "Redis" that hangs up on every connection, counting them.
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const store = redisResponseCacheStore(`redis://127.0.0.1:${port}`, logger, "down", 60_000);
    try {
      assert.equal(await store.generation(), undefined);
      const tried = connections;
      assert.ok(tried >= 1);
      for (let i = 0; i < 100; i++) assert.equal(await store.generation(), undefined);
      assert.equal(connections, tried, "no new connection attempts while Redis is known to be down");
      await store.invalidate(); // a write tries anyway: logged, never thrown
      assert.ok(connections > tried);
    } finally {
      await store.close().catch(() => {});
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("gives a memory store a new generation on each invalidation", async () => {
    const store = memoryResponseCacheStore();
    const g1 = await store.generation();
    await store.invalidate();
    assert.notEqual(await store.generation(), g1);
  });
});
