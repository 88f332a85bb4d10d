import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { ErrorsAreMissesCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import type { Logger } from "@danvan/kit";

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
  // No background reconnection loop: each lookup connects if it must, within a second, or misses.
  const store = new KeyvRedis(
    { url: redisUrl, socket: { connectTimeout: 1000, reconnectStrategy: false } },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 1000 },
  );
  const keyv = new Keyv<string>({ store, namespace: "danvan-apq", useKeyPrefix: false });
  keyv.on("error", (err: unknown) => logger.warn({ err: String(err) }, "persisted-query cache (Redis) error"));
  return {
    // The adapter's own copy of keyv is the same version in another folder (npm could not hoist it).
    cache: new ErrorsAreMissesCache<string>(
      new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter>[0]),
      {
        debug: () => {},
        info: () => {},
        warn: (message: unknown) => logger.warn(String(message)),
        error: (message: unknown) => logger.warn(String(message)),
      },
    ),
    ttl: APQ_TTL_SECONDS,
    close: () => keyv.disconnect(),
  };
}
