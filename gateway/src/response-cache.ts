import { createHash, randomUUID } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { isAnonymous } from "@danvan/kit/identity";
import type { Logger } from "@danvan/kit";
import { missOnErrorCache, redisKeyv } from "./redis-cache.js";
import type { GatewayMetrics } from "./metrics.js";
import type { GatewayContext } from "./request-context.js";

/**
 * Where cached answers live, and their generation: every key includes the generation, and any
 * mutation replaces it, so one write through any replica retires every cached answer at once
 * (they then expire by their TTL). `generation()` is undefined when the store cannot tell
 * (Redis down): the request then neither reads nor writes the cache.
 */
export interface ResponseCacheStore {
  readonly cache: KeyValueCache<string>;
  generation(): Promise<string | undefined>;
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

const GENERATION_KEY = "generation";

export function memoryResponseCacheStore(maxBytes = 64 * 1024 * 1024): ResponseCacheStore {
  let generation = randomUUID();
  return {
    cache: new InMemoryLRUCache<string>({ maxSize: maxBytes }),
    generation: async () => generation,
    invalidate: async () => {
      generation = randomUUID();
    },
    close: async () => {},
  };
}

/**
 * The answers of one deployment, in Redis: `deployment` tells deployments sharing a Redis
 * apart (see deploymentTag), so none is ever served another's data.
 */
export function redisResponseCacheStore(
  redisUrl: string,
  logger: Logger,
  deployment: string,
  retryAfterMs = 5000,
): ResponseCacheStore {
  const answers = redisKeyv(redisUrl, `danvan-response-cache:${deployment}`, logger);
  // The generation must tell "Redis down" from "never set": its commands throw.
  const meta = redisKeyv(redisUrl, `danvan-response-cache-meta:${deployment}`, logger, true);
  // After a failure, Redis is left alone for a while: requests skip the cache at no cost
  // instead of each waiting for a connection that will not come.
  let downUntil = 0;
  const attempt = async <T>(what: () => Promise<T>): Promise<T | undefined> => {
    if (Date.now() < downUntil) return undefined;
    try {
      return await what();
    } catch {
      downUntil = Date.now() + retryAfterMs;
      return undefined;
    }
  };
  return {
    cache: missOnErrorCache(answers, logger),
    generation: () => attempt(async () => (await meta.get(GENERATION_KEY)) ?? "initial"),
    async invalidate() {
      downUntil = 0; // a write must always try
      const done = await attempt(() => meta.set(GENERATION_KEY, randomUUID()));
      // Cached answers then live out their TTL (PUBLIC_CACHE_MAX_AGE at most).
      if (!done) logger.error("response cache: a write could not invalidate the cached answers (Redis unreachable)");
    },
    async close() {
      await Promise.all([answers.disconnect(), meta.disconnect()]);
    },
  };
}

/**
 * Replicas of one deployment share the identity secret (the subgraphs accept only it) and the
 * supergraph; another deployment, or a new schema, gets other keys. A one-way digest: the
 * secret cannot be read back from it.
 */
export function deploymentTag(identitySecret: string, supergraphSdl: string): string {
  return createHash("sha256")
    .update(`danvan-response-cache\0${identitySecret}\0${supergraphSdl}`)
    .digest("hex")
    .slice(0, 24);
}

type Context = GraphQLRequestContext<GatewayContext>;

/**
 * The gateway's response cache (Apollo's response-cache plugin): only anonymous callers'
 * queries are read from and written to it, under the policy the subgraphs' Cache-Control
 * hints give (an answer with errors, or from a subgraph that gave no hint, is never kept).
 * A second plugin retires every cached answer after a mutation, before the writer gets its
 * answer, and counts hits, misses and bypasses.
 */
export function responseCachePlugins(
  store: ResponseCacheStore,
  metrics: GatewayMetrics,
): ApolloServerPlugin<GatewayContext>[] {
  const generations = new WeakMap<GatewayContext, string | undefined>();
  const eligible = async (rc: Context) => generations.get(rc.contextValue) !== undefined;
  const cache = responseCachePlugin<GatewayContext>({
    cache: store.cache,
    sessionId: async () => null,
    extraCacheKeyData: async (rc) => {
      if (!isAnonymous(rc.contextValue.identity)) return null;
      const generation = await store.generation();
      generations.set(rc.contextValue, generation);
      return generation ?? null;
    },
    shouldReadFromCache: eligible,
    shouldWriteToCache: eligible,
  });
  const bookkeeping: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const kind = rc.operation?.operation;
          if (kind === "mutation") {
            await store.invalidate();
            metrics.responseCache.inc({ result: "invalidated" });
          } else if (kind === "query") {
            const result = rc.metrics.responseCacheHit ? "hit" : generations.get(rc.contextValue) ? "miss" : "bypass";
            metrics.responseCache.inc({ result });
          }
        },
      };
    },
  };
  return [cache, bookkeeping];
}
