import { BULK_LOAD_POOL_SIZE } from "../seeding/bulk-load.js";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import { ANONYMOUS, type Identity } from "../identity/identity.js";
import { countStatements } from "../database/statement-counter.js";
import { createErrorFormatter } from "../errors.js";
import { inputChecksPlugin, inputValidationRules } from "../input/input-checks.js";
import { inLanguage, type Language } from "../i18n/language.js";
import { createLogger } from "../logger.js";
import { dataSourceFor, type SubgraphDefinition } from "../subgraph.js";
import type { SubgraphContext } from "../context.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  /** SQL statements the operation issued. */
  statements: number;
}

export interface Harness {
  db: TestDatabase;
  ds: DataSource;
  /** `language`: the caller's Accept-Language, as the gateway forwards it (English by default). */
  run(
    query: string,
    opts?: { identity?: Identity; variables?: Record<string, unknown>; language?: Language },
  ): Promise<OperationResult>;
  close(): Promise<void>;
}

export const ADMIN: Identity = { sub: "admin-1", roles: ["ADMIN"] };
export const ANALYST: Identity = { sub: "analyst-1", roles: ["ANALYST"] };
export const officerOf = (unitCode: string, organisationId?: string): Identity => ({
  sub: `officer-${unitCode}`,
  roles: ["OFFICER"],
  unitCode,
  ...(organisationId ? { organisationId } : {}),
});

/**
 * A subgraph in-process on a fresh test database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres): migrated, seeded, and queried through Apollo Server with the same
 * schema, context and error masking as its real process, counting SQL statements per operation.
 */
export async function startHarness<C extends SubgraphContext>(
  def: SubgraphDefinition<C>,
  seed?: (ds: DataSource) => Promise<unknown>,
): Promise<Harness> {
  const db = await createTestDatabase(def.name);
  const logger = createLogger(`${def.name}-test`, "silent");
  // Ten connections: a bulk-loading seed streams several tables at once, each on its own.
  const ds = dataSourceFor(def, { ...db.env, DB_POOL_SIZE: BULK_LOAD_POOL_SIZE, DB_ACQUIRE_TIMEOUT_MS: 5000 }, logger);
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    if (seed) await seed(ds);
  } catch (err) {
    // A harness that could not start leaves no database behind.
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    await db.drop();
    throw err;
  }
  const server = new ApolloServer<C>({
    schema: await def.buildSchema(),
    formatError: createErrorFormatter(logger),
    validationRules: inputValidationRules,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), inputChecksPlugin<C>()],
  });
  await server.start();
  return {
    db,
    ds,
    async run(query, { identity = ANONYMOUS, variables, language = "en" } = {}) {
      const { result, statements } = await countStatements(() =>
        inLanguage(language, () =>
          server.executeOperation(
            { query, variables },
            { contextValue: def.createContext({ identity, requestId: "test", logger }, ds) },
          ),
        ),
      );
      if (result.body.kind !== "single") throw new Error("unexpected incremental result");
      // Through JSON, as a client over HTTP would see it.
      const { data, errors } = JSON.parse(JSON.stringify(result.body.singleResult)) as Omit<
        OperationResult,
        "statements"
      >;
      return { data, errors, statements };
    },
    async close() {
      await server.stop();
      await ds.destroy();
      await db.drop();
    },
  };
}
