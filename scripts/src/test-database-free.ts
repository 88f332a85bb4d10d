import fs from "node:fs";
import path from "node:path";

/** Packages that reach a database: TypeORM, the drivers, the kit's test databases, a subgraph's whole package. */
const DATABASE_PACKAGE =
  /^(typeorm|pg|better-sqlite3|sqlite3|@danvan\/kit\/testing|@danvan\/scripts\/seeded-databases|@danvan\/(organisations|programs|petitions)(\/.*)?)$/;
/** Words in a module that reach a database or a service process (which opens one). */
const DATABASE_WORD =
  /dataSourceFor|createTestDatabase|testDatabaseKind|TEST_DATABASE|startSubgraph|DataSource|spawnService/;
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function reachesDatabase(file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  if (!fs.existsSync(file)) return false;
  const text = fs.readFileSync(file, "utf8");
  if (DATABASE_WORD.test(text)) return true;
  for (const [, spec] of text.matchAll(IMPORT)) {
    if (DATABASE_PACKAGE.test(spec!)) return true;
    if (spec!.startsWith(".") && reachesDatabase(path.resolve(path.dirname(file), spec!), seen)) return true;
  }
  return false;
}

/**
 * A subgraph's or the kit's compiled test file that reaches no database: neither it nor any
 * module it imports from its own package names TypeORM, a driver, a test database, a subgraph
 * package or a service process (the rules, the messages, the calendars, the kit's pure parts).
 * Its outcome is the same on either database, so the PostgreSQL pass leaves it to the SQLite one.
 */
export function reachesNoDatabase(file: string): boolean {
  return /[\\/]services[\\/][^\\/]+[\\/]dist[\\/]/.test(file) && !reachesDatabase(file, new Set());
}
