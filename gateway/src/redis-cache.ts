/**
 * The Redis plumbing under the gateway's shared caches (persisted-query-cache.ts and
 * response-cache.ts): a Keyv namespace per cache, and Apollo's cache interface over it.
 */
import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { ErrorsAreMissesCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import type { Logger } from "@danvan/kit";

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
