import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@danvan/kit";
import { ensureChromium } from "./ensure-chromium.js";
import { SEEDED_DATABASES_VARIABLE, seedTestDatabases } from "./seeded-databases.js";
import { runPool, summarise } from "./test-pool.js";
import { reachesNoDatabase } from "./test-database-free.js";
import { readOnlyFiles, startSharedFederation } from "./test-federation.js";

/**
 * Runs every compiled test file with node's test runner: unit and integration tests beside
 * the code (services/*, gateway), end-to-end tests in test/. TEST_DATABASE=postgres runs the
 * integration and end-to-end tests on this machine's PostgreSQL instead of SQLite.
 */
function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.js") && !f.includes("node_modules"))
    .map((f) => path.join(dir, f))
    .sort();
}

const roots = [
  ...fs.readdirSync(path.join(repoRoot, "services")).map((s) => path.join(repoRoot, "services", s, "dist")),
  path.join(repoRoot, "gateway/dist"),
  path.join(repoRoot, "test/dist"),
];
/**
 * The longest files start first: with two at a time, one that starts last would finish alone
 * long after the rest (the wall time is the longest chain, not the sum).
 */
const LONGEST_FIRST = [
  "province-dataset.acceptance",
  "seed.integration",
  "new-subgraph.e2e",
  "fuzz.e2e",
  "access-matrix.e2e",
  "member-aggregate.test",
  "n-plus-one.test",
];
const rank = (f: string) => {
  const i = LONGEST_FIRST.findIndex((x) => f.includes(x));
  return i < 0 ? LONGEST_FIRST.length : i;
};
/**
 * Files whose outcome no database can change, so the PostgreSQL pass leaves them to the SQLite
 * pass: those that read none (the gateway's unit tests against fake subgraphs, the schema
 * checks, the deployment files, the settings list), and the gateway's own checks, decided
 * before or around any subgraph (query limits, safelisting, persisted queries, the subgraphs'
 * refusal of unsigned calls, the IDE and analyst pages, a subgraph killed or frozen, tracing, the
 * typed client's shapes, the gateway's response cache, the input checks and the error contract);
 * and, in the subgraphs and the kit, every file that reaches no database (`reachesNoDatabase`).
 */
const DATABASE_INDEPENDENT = [
  `gateway${path.sep}dist${path.sep}`,
  "schema-check.test.",
  "schema-check-repo.test.",
  "deployment-files.test.",
  "env-example.test.",
  "schema-files.test.",
  "query-limits.e2e.",
  "safelist.e2e.",
  "persisted-queries.e2e.",
  "subgraph-trust.e2e.",
  "ide-page.browser.",
  "faults-subgraph.e2e.",
  "tracing.e2e.",
  "typed-client.e2e.",
  "response-cache.e2e.",
  // Pages, input checks and the error contract are the gateway's and the kit's: the subgraphs'
  // own tests run their database-dependent parts (aggregates, validation) on both databases.
  "analyst-page.browser.",
  "analyst-page-maps.browser.",
  "input-errors.e2e.",
  "error-contract.e2e.",
];
/**
 * The scaffold test copies the repository, builds it and starts a whole federation with a new
 * subgraph: a minute of both cores. It runs in the PostgreSQL pass (production's database);
 * the SQLite pass leaves it out unless asked for by name. The PostgreSQL cluster test (a private
 * primary and streaming replica, restarted for real) needs PostgreSQL databases to copy from.
 */
const POSTGRES_PASS_ONLY = ["new-subgraph.e2e", "postgres-cluster.e2e"];
const onPostgres = process.env.TEST_DATABASE === "postgres";
const filter = process.argv.slice(2);
const matching = roots.flatMap(testFiles).filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
const otherPass = (f: string) =>
  filter.length === 0 &&
  (onPostgres
    ? DATABASE_INDEPENDENT.some((x) => f.includes(x)) || reachesNoDatabase(f)
    : POSTGRES_PASS_ONLY.some((x) => f.includes(x)));
// Asked for by name, they run in either pass.
const files = matching.filter((f) => !otherPass(f)).sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error("no test files found: run `npm run build` first");
  process.exit(1);
}
if (files.some((f) => f.includes(".browser.test."))) ensureChromium();
console.log(
  `Running ${files.length} test files on ${onPostgres ? "PostgreSQL" : "SQLite"}` +
    (files.length < matching.length
      ? ` (${matching.length - files.length} more in the ${onPostgres ? "SQLite" : "PostgreSQL"} pass: ${matching
          .filter(otherPass)
          .map((f) => path.basename(f, ".js"))
          .join(", ")})`
      : ""),
);
// End-to-end tests start from copies of the small dataset, seeded once here, not once per file.
const seeded = files.some((f) => f.includes(`${path.sep}test${path.sep}dist${path.sep}`))
  ? await seedTestDatabases("small", "seeded")
  : undefined;
const seededEnv = seeded ? { ...process.env, [SEEDED_DATABASES_VARIABLE]: JSON.stringify(seeded.byName) } : process.env;
// The files that only read share one federation, started here, instead of one each.
const shared = seeded && readOnlyFiles(files).length > 0 ? await startSharedFederation(seededEnv) : undefined;
const slots = Number(process.env.TEST_CONCURRENCY ?? 2);
const began = Date.now();
const results = await runPool(
  files.map((file) => ({ file, slots: 1 })),
  slots,
  shared?.env ?? seededEnv,
  (stop) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  },
);
console.log(summarise(results, Date.now() - began));
if (process.env.TEST_TIMES_FILE) fs.writeFileSync(process.env.TEST_TIMES_FILE, JSON.stringify(results, null, 1));
await shared?.stop();
await seeded?.drop();
process.exit(results.length === files.length && results.every((r) => r.code === 0) ? 0 : 1);
