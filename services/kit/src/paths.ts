import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: this file is compiled to services/kit/dist/src/paths.js. */
export const repoRoot = path.resolve(here, "../../../..");

/** Where embedded databases and development secrets live (git-ignored). */
export function dataDir(): string {
  return process.env.DANVAN_DATA_DIR ? path.resolve(process.env.DANVAN_DATA_DIR) : path.join(repoRoot, "data");
}

/** The kit's own shipped reference data (services/kit/data). */
export const kitDataDir = path.resolve(here, "../../data");
