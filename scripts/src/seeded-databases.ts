import path from "node:path";
import { repoRoot } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { runNodeCollecting } from "./run-node.js";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * The variable through which the test runner hands every test file the small dataset, seeded
 * once per run: a JSON map from subgraph name to its database's settings (DATABASE_URL or
 * SQLITE_PATH). A test federation copies these instead of seeding its own.
 */
export const SEEDED_DATABASES_VARIABLE = "DANVAN_TEST_SEEDED_DATABASES";

export type SeededDatabases = Record<string, TestDatabase["env"]>;

/** The seeded databases the runner prepared, if any. */
export function seededDatabasesFromEnv(env: NodeJS.ProcessEnv = process.env): SeededDatabases | undefined {
  const raw = env[SEEDED_DATABASES_VARIABLE];
  if (!raw) return undefined;
  const parsed = JSON.parse(raw) as SeededDatabases;
  return SUBGRAPHS.every((sg) => parsed[sg.name]) ? parsed : undefined;
}

/** One fresh test database per subgraph, each holding that subgraph's dataset at a scale. */
export interface SeededTestDatabases {
  /** In the order of SUBGRAPHS. */
  databases: TestDatabase[];
  byName: SeededDatabases;
  /** What the seed commands printed (their row counts and load times). */
  output: string;
  drop(): Promise<void>;
}

/**
 * Seeds each subgraph's dataset into a fresh test database with the seed command, side by
 * side (the full province takes about a minute, the small dataset seconds).
 */
export async function seedTestDatabases(scale: "small" | "full", label: string): Promise<SeededTestDatabases> {
  const databases: TestDatabase[] = [];
  const drop = async () => {
    for (const d of databases) await d.drop();
  };
  let output = "";
  try {
    databases.push(...(await Promise.all(SUBGRAPHS.map((sg) => createTestDatabase(`${label}_${sg.name}`)))));
    const runs = await Promise.all(
      SUBGRAPHS.map((sg, i) =>
        runNodeCollecting(
          path.join(repoRoot, sg.folder, "dist/seed/main.js"),
          ["--scale", scale, "--no-progress"],
          { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "warn", ...databases[i]!.env },
          { quiet: true },
        ),
      ),
    );
    runs.forEach((r, i) => {
      if (r.code !== 0) throw new Error(`seeding ${SUBGRAPHS[i]!.name} exited with ${r.code}\n${r.output}`);
      output += r.output;
    });
  } catch (err) {
    await drop();
    throw err;
  }
  const byName = Object.fromEntries(SUBGRAPHS.map((sg, i) => [sg.name, databases[i]!.env]));
  return { databases, byName, output, drop };
}
