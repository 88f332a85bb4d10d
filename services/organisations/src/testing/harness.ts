import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import {
  ANONYMOUS,
  countStatements,
  createErrorFormatter,
  createLogger,
  dataSourceFor,
  type Identity,
} from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { organisationsSubgraph } from "../definition.js";
import { createContext } from "../context.js";
import { seedOrganisations, type SeedScale } from "../../seed/seed.js";

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  /** SQL statements the operation issued. */
  statements: number;
}

export interface Harness {
  db: TestDatabase;
  ds: DataSource;
  run(query: string, opts?: { identity?: Identity; variables?: Record<string, unknown> }): Promise<OperationResult>;
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
 * The organisations subgraph in-process on a fresh test database (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres): migrated, seeded, and queried through Apollo Server with the same
 * schema, context and error masking as the real process.
 */
export async function startHarness(opts: { scale?: SeedScale; seed?: boolean } = {}): Promise<Harness> {
  const db = await createTestDatabase("organisations");
  const logger = createLogger("organisations-test", "silent");
  const ds = dataSourceFor(organisationsSubgraph, { ...db.env, DB_POOL_SIZE: 5, DB_ACQUIRE_TIMEOUT_MS: 5000 }, logger);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  if (opts.seed !== false) await seedOrganisations(ds, { scale: opts.scale ?? "small" });
  const server = new ApolloServer({
    schema: await organisationsSubgraph.buildSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  return {
    db,
    ds,
    async run(query, { identity = ANONYMOUS, variables } = {}) {
      const { result, statements } = await countStatements(() =>
        server.executeOperation(
          { query, variables },
          { contextValue: createContext({ identity, requestId: "test", logger }, ds) },
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
