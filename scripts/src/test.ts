import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { repoRoot } from "@danvan/kit";
import { ensureChromium } from "./ensure-chromium.js";
import { SEEDED_DATABASES_VARIABLE, seedTestDatabases } from "./seeded-databases.js";

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
const filter = process.argv.slice(2);
const files = roots.flatMap(testFiles).filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error("no test files found: run `npm run build` first");
  process.exit(1);
}
if (files.some((f) => f.includes(".browser.test."))) ensureChromium();
console.log(
  `Running ${files.length} test files on ${process.env.TEST_DATABASE === "postgres" ? "PostgreSQL" : "SQLite"}`,
);
// End-to-end tests start from copies of the small dataset, seeded once here, not once per file.
const seeded = files.some((f) => f.includes(`${path.sep}test${path.sep}dist${path.sep}`))
  ? await seedTestDatabases("small", "seeded")
  : undefined;
const child = spawn(process.execPath, ["--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
  env: seeded ? { ...process.env, [SEEDED_DATABASES_VARIABLE]: JSON.stringify(seeded.byName) } : process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.once("exit", (code, signal) => {
  void (seeded?.drop() ?? Promise.resolve()).finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
