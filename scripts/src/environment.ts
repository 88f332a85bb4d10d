import fs from "node:fs";
import path from "node:path";
import { dataDir, databaseUrlOn, ensurePostgresDatabase, recreatePostgresDatabase, repoRoot } from "@danvan/kit";
import { SUBGRAPHS, type SubgraphEntry } from "./subgraphs.js";

/**
 * Where each subgraph keeps its data when started by the npm scripts: data/<name>.sqlite by
 * default; with DANVAN_POSTGRES_URL (a server URL such as postgres://postgres@127.0.0.1:5432)
 * one PostgreSQL database per subgraph, danvan_<name>.
 */
export const postgresServer = process.env.DANVAN_POSTGRES_URL || undefined;

export function databaseName(s: SubgraphEntry): string {
  return `danvan_${s.name.replace(/-/g, "_")}`;
}

export function databaseEnv(s: SubgraphEntry): NodeJS.ProcessEnv {
  return postgresServer
    ? { DATABASE_URL: databaseUrlOn(postgresServer, databaseName(s)) }
    : { DATABASE_URL: undefined };
}

export function sqliteFile(s: SubgraphEntry): string {
  return path.join(dataDir(), `${s.name}.sqlite`);
}

export async function prepareDatabase(s: SubgraphEntry, reset: boolean): Promise<void> {
  if (postgresServer) {
    const admin = databaseUrlOn(postgresServer, "postgres");
    await (reset ? recreatePostgresDatabase(admin, databaseName(s)) : ensurePostgresDatabase(admin, databaseName(s)));
  } else if (reset) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFile(s) + suffix, { force: true });
  }
}

export function seedScript(s: SubgraphEntry): string {
  return path.join(repoRoot, s.folder, "dist/seed/main.js");
}

export function mainScript(s: SubgraphEntry): string {
  return path.join(repoRoot, s.folder, "dist/src/main.js");
}

export const gatewayScript = path.join(repoRoot, "gateway/dist/src/main.js");

export { SUBGRAPHS };
