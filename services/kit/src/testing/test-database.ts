import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Which database the tests run on: `TEST_DATABASE=postgres` selects this machine's PostgreSQL. */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/** Server URL for test databases (trust auth on this machine). */
export function testPostgresServerUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export interface TestDatabase {
  kind: "sqlite" | "postgres";
  /** Environment for a subgraph process or `dataSourceFor`: DATABASE_URL or SQLITE_PATH. */
  env: { DATABASE_URL?: string; SQLITE_PATH?: string };
  drop(): Promise<void>;
}

/** A fresh, uniquely named database (or SQLite file) for one test file; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const unique = `${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (testDatabaseKind() === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-test-"));
    return {
      kind: "sqlite",
      env: { SQLITE_PATH: path.join(dir, `${unique}.sqlite`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `danvan_t_${unique}`;
  const server = testPostgresServerUrl();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
