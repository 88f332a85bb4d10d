import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@danvan/kit";

/** The parts of test/support's federation the runner uses (test/ builds after scripts/). */
interface SharedFederationModule {
  SHARED_FEDERATION_VARIABLE: string;
  sharedFederationSettings(f: unknown): unknown;
}
interface FederationModule {
  startFederation(): Promise<{ stop(): Promise<void> }>;
}

/** The test files that only read and ask for the runner's federation (`readOnlyFederation()`). */
export function readOnlyFiles(files: string[]): string[] {
  return files.filter((f) => f.endsWith(".e2e.test.js") && fs.readFileSync(f, "utf8").includes("readOnlyFederation("));
}

/**
 * One federation over copies of the seeded databases (already in `env`), started once for the
 * files that only read; the settings to hand them, and how to stop it.
 */
export async function startSharedFederation(
  env: NodeJS.ProcessEnv,
): Promise<{ env: NodeJS.ProcessEnv; stop(): Promise<void> }> {
  const support = path.join(repoRoot, "test/dist/src/support");
  const load = (file: string) => import(pathToFileURL(path.join(support, file)).href);
  const shared = (await load("shared-federation.js")) as SharedFederationModule;
  const { startFederation } = (await load("federation.js")) as FederationModule;
  // startFederation copies the seeded databases it finds in this process's environment.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const f = await startFederation().finally(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  });
  return {
    env: { ...env, [shared.SHARED_FEDERATION_VARIABLE]: JSON.stringify(shared.sharedFederationSettings(f)) },
    stop: () => f.stop(),
  };
}
