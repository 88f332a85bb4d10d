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
 * A Keyv namespace in Redis that fails fast: no background reconnection loop, each command
 * connects if it must within a second or throws (callers turn that into a miss).
 */
export function redisKeyv(redisUrl: string, namespace: string, logger: Logger, throwOnErrors = false): Keyv<string> {
  const store = new KeyvRedis(
    { url: redisUrl, socket: { connectTimeout: 1000, reconnectStrategy: false } },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 1000 },
  );
  // Without throwOnErrors, a failed command is logged and reads as "absent".
  const keyv = new Keyv<string>({ store, namespace, useKeyPrefix: false, throwOnErrors });
  keyv.on("error", (err: unknown) => logger.warn({ err: String(err), namespace }, "Redis cache error"));
  return keyv;
}

/** Apollo's key-value cache over a Keyv whose errors become misses (logged as warnings). */
export function missOnErrorCache(keyv: Keyv<string>, logger: Logger): KeyValueCache<string> {
  // The adapter's own copy of keyv is the same version in another folder (npm could not hoist it).
  return new ErrorsAreMissesCache<string>(
    new KeyvAdapter<string>(keyv as unknown as ConstructorParameters<typeof KeyvAdapter>[0]),
    {
      debug: () => {},
      info: () => {},
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.warn(String(message)),
    },
  );
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
