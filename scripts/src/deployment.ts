import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import * as prettier from "prettier";
import { stringify } from "yaml";
import { repoRoot } from "@danvan/kit";
import { composeEnvExample, composeFile, initDatabasesSql } from "./deployment-compose.js";
import { dockerfile, dockerignore } from "./deployment-dockerfile.js";
import { kubernetesManifests } from "./deployment-kubernetes.js";
import { GENERATED_NOTE } from "./deployment-model.js";

/**
 * `npm run deploy:files`: writes the deployment files from the subgraph list (SUBGRAPHS) and the
 * composed supergraph: docker/Dockerfile, docker/compose.yaml and its companions, docker/k8s/,
 * and .dockerignore. `--check` writes nothing and fails when a committed file is stale, missing
 * or left over (a generated file nothing generates any more).
 */

/** Folders whose every file is generated: a file there that the generator does not make is stale. */
const GENERATED_DIRS = ["docker/k8s", "docker/postgres"];

function yamlDocuments(docs: object[], comment: string): string {
  const header = `# ${GENERATED_NOTE}\n# ${comment}\n`;
  return (
    header +
    docs
      .map((d) =>
        stringify(d, {
          lineWidth: 0,
          aliasDuplicateObjects: false,
          // Quotes what a YAML 1.1 reader would take for a boolean ("no", "on"), as compose's own parser might.
          version: "1.1",
        }),
      )
      .join("---\n")
  );
}

/** Every generated file, by its path from the repository root, formatted as `npm run lint` wants. */
async function deploymentFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set("docker/Dockerfile", dockerfile());
  files.set(".dockerignore", dockerignore());
  files.set(
    "docker/compose.yaml",
    yamlDocuments(
      [composeFile()],
      "docker compose -f docker/compose.yaml up --build   (settings: docker/.env, from docker/.env.example)",
    ),
  );
  files.set("docker/.env.example", composeEnvExample());
  files.set("docker/postgres/init-databases.sql", initDatabasesSql());
  for (const [name, docs] of kubernetesManifests()) {
    const how =
      name === "examples/secrets.yaml"
        ? "An example only, never applied as it is: create the Secret with real values (see docker/README.md)."
        : "kubectl apply -k docker/k8s   (see docker/README.md)";
    files.set(`docker/k8s/${name}`, yamlDocuments(docs, how));
  }
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    const options = (await prettier.resolveConfig(path.join(repoRoot, file))) ?? {};
    files.set(file, await prettier.format(text, { ...options, parser: "yaml" }));
  }
  return files;
}

function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(full, f)).isFile())
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")));
}

/** Generated files that differ from, are missing from, or are left over in `root`. */
function staleDeploymentFiles(files: Map<string, string>, root = repoRoot): string[] {
  const stale: string[] = [];
  for (const [file, text] of files) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) stale.push(`${file} (missing)`);
    else if (fs.readFileSync(full, "utf8") !== text) stale.push(file);
  }
  for (const dir of GENERATED_DIRS) {
    for (const file of filesUnder(root, dir)) if (!files.has(file)) stale.push(`${file} (no longer generated)`);
  }
  return stale;
}

function writeDeploymentFiles(files: Map<string, string>, root = repoRoot): void {
  for (const dir of GENERATED_DIRS) {
    for (const file of filesUnder(root, dir)) if (!files.has(file)) fs.rmSync(path.join(root, file));
  }
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

const opts = new Command()
  .name("deploy:files")
  .description(
    "Write docker/Dockerfile, docker/compose.yaml, docker/k8s/ and .dockerignore from the subgraph list " +
      "(scripts/src/subgraphs.ts) and schema/supergraph.graphql.",
  )
  .option("--check", "write nothing; fail when a committed file differs from what the generator makes")
  .option("--root <dir>", "the tree to write or check instead of the repository (tests)")
  .parse()
  .opts<{ check?: boolean; root?: string }>();

try {
  const root = path.resolve(opts.root ?? repoRoot);
  const files = await deploymentFiles();
  if (opts.check) {
    const stale = staleDeploymentFiles(files, root);
    if (stale.length) {
      console.error(
        `Stale deployment files (run \`npm run deploy:files\` and commit them):\n${stale.map((s) => `  - ${s}`).join("\n")}`,
      );
      process.exit(1);
    }
    console.log(`deployment files are up to date (${files.size} files)`);
  } else {
    writeDeploymentFiles(files, root);
    console.log(`wrote ${[...files.keys()].join(", ")}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
