import type { GraphQLSchema } from "graphql";
import type { DataSource, EntitySchema, MixedList } from "typeorm";
import { ConfigError, parseEnv, subgraphEnvSchema, type SubgraphEnv } from "./config.js";
import type { SubgraphContext } from "./context.js";
import { createDataSource } from "./database/data-source.js";
import { startSubgraphServer, type RunningSubgraph } from "./http/subgraph-server.js";
import { devSecrets } from "./identity/dev-secrets.js";
import { createLogger, type Logger } from "./logger.js";
import { applyHeapGrowth } from "./process/heap.js";
import { tracingSettingsOf } from "./tracing/settings.js";

/** What a subgraph declares; `runSubgraph` does the rest the same way for every subgraph. */
export interface SubgraphDefinition<C extends SubgraphContext> {
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  buildSchema: () => Promise<GraphQLSchema>;
  createContext: (base: SubgraphContext, dataSource: DataSource) => C;
}

export function dataSourceFor<C extends SubgraphContext>(
  def: SubgraphDefinition<C>,
  env: Pick<SubgraphEnv, "DATABASE_URL" | "SQLITE_PATH" | "DB_POOL_SIZE" | "DB_ACQUIRE_TIMEOUT_MS"> &
    Partial<Pick<SubgraphEnv, "DATABASE_REPLICA_URLS">>,
  logger: Logger,
): DataSource {
  return createDataSource({
    service: def.name,
    entities: def.entities,
    migrations: def.migrations,
    logger,
    databaseUrl: env.DATABASE_URL,
    sqlitePath: env.SQLITE_PATH,
    poolSize: env.DB_POOL_SIZE,
    acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
    replicaUrls: env.DATABASE_REPLICA_URLS,
  });
}

/**
 * Reads and validates the environment, opens the database (applying pending migrations
 * outside production; in production a one-off job runs them), builds the schema and serves it.
 */
export async function runSubgraph<C extends SubgraphContext>(
  def: SubgraphDefinition<C>,
  envSource: NodeJS.ProcessEnv = process.env,
): Promise<{ server: RunningSubgraph; logger: Logger; dataSource: DataSource }> {
  const env = parseEnv(def.name, subgraphEnvSchema(def.defaultPort), envSource);
  applyHeapGrowth(env.HEAP_GROWING_PERCENT);
  // Settings that depend on one another (TRACING=otlp needs an endpoint): checked before anything opens.
  const tracing = tracingSettingsOf(env);
  if (!tracing.settings)
    throw new ConfigError(
      def.name,
      tracing.problems.map((p) => `${p.variable}: ${p.message}`),
    );
  const logger = createLogger(def.name, env.LOG_LEVEL);
  const dataSource = dataSourceFor(def, env, logger);
  await dataSource.initialize();
  if (env.NODE_ENV !== "production") await dataSource.runMigrations({ transaction: "each" });
  const schema = await def.buildSchema();
  const server = await startSubgraphServer<C>({
    name: def.name,
    schema,
    dataSource,
    logger,
    identitySecret: env.IDENTITY_SECRET ?? devSecrets().identitySecret,
    host: env.HOST,
    port: env.PORT,
    bodyLimit: env.BODY_LIMIT,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    shutdownQuietMs: env.SHUTDOWN_QUIET_MS,
    publicCacheMaxAge: env.PUBLIC_CACHE_MAX_AGE,
    poolSize: env.DB_POOL_SIZE,
    readReplicas: env.DATABASE_REPLICA_URLS.length > 0,
    tracing: tracing.settings,
    createContext: (base) => def.createContext(base, dataSource),
  });
  return { server, logger, dataSource };
}
