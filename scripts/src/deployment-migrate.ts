import "reflect-metadata";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import {
  ConfigError,
  createLogger,
  dataSourceFor,
  parseEnv,
  repoRoot,
  subgraphEnvSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from "@danvan/kit";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * `node scripts/dist/deployment-migrate.js <subgraph>`: applies that subgraph's pending
 * migrations to its database (DATABASE_URL, or SQLITE_PATH) and exits. In production a subgraph
 * never migrates at start-up (several replicas would race); this one-off runs first: the compose
 * file's `migrate-<subgraph>` services and the Kubernetes `danvan-migrate-<subgraph>` Jobs, from
 * the same image. Until it has run, the subgraph's /readyz answers 503 "migrations pending".
 *
 * It needs the database and the subgraph's own secrets (SUBGRAPH_SECRETS in deployment-model.ts:
 * petitions' migrations encrypt existing identities with PETITIONS_IDENTITY_KEYS, which they read
 * from the environment themselves), no identity secret, no port. The image carries this file and
 * subgraphs.ts beside it (docker/Dockerfile).
 */

type AnyDefinition = SubgraphDefinition<SubgraphContext>;

function isDefinitionOf(name: string, value: unknown): value is AnyDefinition {
  const v = value as Partial<AnyDefinition> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.name === name &&
    Array.isArray(v.entities) &&
    Array.isArray(v.migrations) &&
    typeof v.createContext === "function"
  );
}

/** The subgraph's definition (entities and migrations), exported by its package's entry module. */
async function definitionOf(name: string): Promise<AnyDefinition> {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown subgraph "${name}" (known: ${SUBGRAPHS.map((s) => s.name).join(", ")})`);
  const mod = (await import(pathToFileURL(path.join(repoRoot, entry.folder, "dist/src/index.js")).href)) as Record<
    string,
    unknown
  >;
  const def = Object.values(mod).find((v) => isDefinitionOf(name, v));
  if (!def) throw new Error(`${entry.folder} exports no subgraph definition named "${name}"`);
  return def;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) {
    throw new Error(
      `usage: node scripts/dist/deployment-migrate.js <subgraph>  (one of ${SUBGRAPHS.map((s) => s.name).join(", ")})`,
    );
  }
  const def = await definitionOf(name);
  // The subgraph's own settings and messages, less what serving needs (IDENTITY_SECRET, PORT).
  const shape = subgraphEnvSchema(def.defaultPort).shape;
  const env = parseEnv(
    `${name}-migrate`,
    z.object({
      NODE_ENV: shape.NODE_ENV,
      LOG_LEVEL: shape.LOG_LEVEL,
      DATABASE_URL: shape.DATABASE_URL,
      SQLITE_PATH: shape.SQLITE_PATH,
      DB_POOL_SIZE: shape.DB_POOL_SIZE,
      DB_ACQUIRE_TIMEOUT_MS: shape.DB_ACQUIRE_TIMEOUT_MS,
    }),
  );
  const logger = createLogger(`${name}-migrate`, env.LOG_LEVEL);
  const dataSource = dataSourceFor(def, { ...env, DB_POOL_SIZE: 1 }, logger);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: "each" });
    process.stdout.write(
      applied.length
        ? `${name}: applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(", ")}\n`
        : `${name}: migrations up to date\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
