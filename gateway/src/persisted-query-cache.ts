import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger } from "@danvan/kit";
import { missOnErrorCache, redisKeyv } from "./redis-cache.js";

/** Registered documents live a week after their last registration; hashes never change meaning. */
const APQ_TTL_SECONDS = 7 * 24 * 3600;

export interface PersistedQueryCache {
  cache: KeyValueCache<string>;
  ttl: number;
  close(): Promise<void>;
}

/**
 * Automatic persisted queries shared by every gateway replica through Redis: a client that
 * registered a document with one replica can send its hash alone to any other. Redis being
 * down turns lookups into misses (the client sends the document again), never into errors.
 */
export function redisPersistedQueryCache(redisUrl: string, logger: Logger): PersistedQueryCache {
  const keyv = redisKeyv(redisUrl, "danvan-apq", logger);
  return { cache: missOnErrorCache(keyv, logger), ttl: APQ_TTL_SECONDS, close: () => keyv.disconnect() };
}
