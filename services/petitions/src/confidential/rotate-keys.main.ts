import "reflect-metadata";
import { z } from "zod";
import { ConfigError, createLogger, dataSourceFor, parseEnv, subgraphEnvSchema } from "@danvan/kit";
import { petitionsSubgraph } from "../definition.js";
import { identityKeys } from "./identity-keys.js";
import { rewrapIdentities } from "./rotate-keys.js";

/**
 * `node services/petitions/dist/src/confidential/rotate-keys.main.js`: after a new key was put
 * first in PETITIONS_IDENTITY_KEYS (and the subgraph restarted with it), re-wraps every
 * denouncer's data key under it, on the database of DATABASE_URL (or SQLITE_PATH). Prints how
 * many rows it re-wrapped; then the old key may be removed from the variable.
 */
async function main(): Promise<void> {
  const shape = subgraphEnvSchema(petitionsSubgraph.defaultPort).shape;
  const env = parseEnv(
    "petitions-rotate-keys",
    z.object({
      NODE_ENV: shape.NODE_ENV,
      LOG_LEVEL: shape.LOG_LEVEL,
      DATABASE_URL: shape.DATABASE_URL,
      SQLITE_PATH: shape.SQLITE_PATH,
      DB_ACQUIRE_TIMEOUT_MS: shape.DB_ACQUIRE_TIMEOUT_MS,
    }),
  );
  const keyring = identityKeys();
  const logger = createLogger("petitions-rotate-keys", env.LOG_LEVEL);
  const ds = dataSourceFor(petitionsSubgraph, { ...env, DB_POOL_SIZE: 1 }, logger);
  await ds.initialize();
  try {
    const r = await rewrapIdentities(ds, keyring);
    process.stdout.write(
      `petitions: ${r.rewrapped} identity key(s) re-wrapped under key ${r.newest}; ${r.alreadyNewest} already were\n`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
