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

/**
 * A fresh, uniquely named database (or SQLite file) for one test file; `drop()` removes it.
 * With `from`, it starts as a copy of that database (another TestDatabase's env): on
 * PostgreSQL `CREATE DATABASE ... TEMPLATE`, on SQLite a copy of the file.
 */
export async function createTestDatabase(
  label: string,
  opts: { from?: TestDatabase["env"] } = {},
): Promise<TestDatabase> {
  const unique = `${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (testDatabaseKind() === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-test-"));
    const file = path.join(dir, `${unique}.sqlite`);
    if (opts.from) {
      if (!opts.from.SQLITE_PATH) throw new Error("a SQLite test database copies a SQLite file");
      fs.copyFileSync(opts.from.SQLITE_PATH, file);
    }
    return {
      kind: "sqlite",
      env: { SQLITE_PATH: file },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `danvan_t_${unique}`;
  const server = testPostgresServerUrl();
  let template = "";
  if (opts.from) {
    if (!opts.from.DATABASE_URL) throw new Error("a PostgreSQL test database copies a PostgreSQL database");
    template = ` TEMPLATE "${decodeURIComponent(new URL(opts.from.DATABASE_URL).pathname.slice(1))}"`;
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template}`);
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
