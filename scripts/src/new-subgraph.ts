import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { checkSubgraphName, entityFor, namesFor, portFor, ScaffoldError } from "./new-subgraph/names.js";
import type { GeneratedFile, ScaffoldSpec } from "./new-subgraph/spec.js";
import { serviceFiles } from "./new-subgraph/templates-service.js";
import { featureFiles } from "./new-subgraph/templates-feature.js";
import { dataFiles } from "./new-subgraph/templates-data.js";
import { testFiles } from "./new-subgraph/templates-tests.js";
import { readmeFile } from "./new-subgraph/templates-readme.js";
import {
  addReference,
  addScriptsDependency,
  addToEnvExample,
  addToSubgraphList,
  addWorkspace,
} from "./new-subgraph/wiring.js";
import {
  clashesWith,
  formatted,
  linkWorkspace,
  npmCommand,
  runStep,
  scriptIfBuilt,
  type StepResult,
} from "./new-subgraph/steps.js";

/**
 * `npm run new:subgraph -- <name> --owner "<agency>"`: a working subgraph on the kit in
 * services/<name>/ (an entity with a @key that references AdministrativeUnit, a resolver with a
 * paginated list, a lookup and an idempotent create, a loader, the first migration, a seed, tests
 * and a README naming the owner), wired into the subgraph list, the workspaces and the builds,
 * then built, composed into schema/, and deployed in docker/. It never overwrites a subgraph.
 */
const program = new Command()
  .name("new:subgraph")
  .description("Create a subgraph skeleton on the kit in services/<name>/ and wire it into the graph.")
  .argument("<name>", "lowercase letters: the folder services/<name>, the package @danvan/<name>")
  .option("--owner <agency>", "the agency that owns it (named in its README; a flagged placeholder without it)")
  .option("--port <n>", "its default port (default: the next after the existing subgraphs')")
  .option("--entity <Name>", "its entity, PascalCase (default: the singular of <name>)")
  .showHelpAfterError()
  .parse();
const opts = program.opts<{ owner?: string; port?: string; entity?: string }>();

// This file is compiled to scripts/dist/new-subgraph.js; the kit is loaded only once the arguments are checked.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");

async function plan(): Promise<ScaffoldSpec> {
  const name = checkSubgraphName(program.args[0]);
  const names = namesFor(name, entityFor(name, opts.entity));
  // A malformed port is refused before anything is loaded; a taken one once the list is known.
  if (opts.port !== undefined) portFor([], opts.port);
  if (fs.existsSync(path.join(repoRoot, "services", name)))
    throw new ScaffoldError(`services/${name} already exists: new:subgraph never overwrites a subgraph`);
  // The list every script reads (compiled: `npm run new:subgraph` builds first).
  const { SUBGRAPHS } = await import("./subgraphs.js");
  if (SUBGRAPHS.some((s) => s.name === name)) throw new ScaffoldError(`a subgraph named ${name} is already listed`);
  const clashes = clashesWith(read("schema/supergraph.graphql"), names);
  if (clashes.length)
    throw new ScaffoldError(
      `the graph already has ${clashes.join(", ")}: choose another name or --entity (composition would merge or refuse them)`,
    );
  const owner = opts.owner?.trim() || null;
  const first = JSON.parse(read(`${SUBGRAPHS[0]!.folder}/package.json`)) as { dependencies: Record<string, string> };
  return {
    names,
    owner,
    port: portFor(
      SUBGRAPHS.map((s) => s.defaultPort),
      opts.port,
    ),
    migrationTimestamp: Date.now(),
    dependencies: first.dependencies,
  };
}

async function writeFiles(spec: ScaffoldSpec): Promise<string[]> {
  const dir = path.join(repoRoot, "services", spec.names.name);
  const files: GeneratedFile[] = [
    ...serviceFiles(spec),
    ...featureFiles(spec),
    ...dataFiles(spec),
    ...testFiles(spec),
    readmeFile(spec),
  ];
  for (const f of files) {
    const file = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await formatted(file, f.text), { flag: "wx" });
  }
  return files.map((f) => f.path).sort();
}

/** Each wiring edit: the file and what changes in it. */
async function wire(spec: ScaffoldSpec): Promise<string[]> {
  const n = spec.names;
  const edits: [string, (text: string) => string, string][] = [
    [
      "scripts/src/subgraphs.ts",
      (t) => addToSubgraphList(t, n),
      "import and entry: composition, npm start, seed, tests",
    ],
    ["package.json", (t) => addWorkspace(t, n), `workspace services/${n.name}`],
    ["tsconfig.json", (t) => addReference(t, n, "", "tsconfig.json"), "project reference: npm run build"],
    [
      "scripts/tsconfig.json",
      (t) => addReference(t, n, "../", "scripts/tsconfig.json"),
      "project reference: the scripts import it",
    ],
    ["scripts/package.json", (t) => addScriptsDependency(t, n), `dependency @danvan/${n.name}`],
    [".env.example", (t) => addToEnvExample(t, n, spec.port), `${n.urlVariable} and port ${spec.port}`],
  ];
  // Every edit is computed before any is written: a file that cannot be wired changes nothing.
  const next = new Map<string, string>();
  for (const [file, edit] of edits) {
    const text = edit(read(file));
    next.set(file, file === ".env.example" ? text : await formatted(path.join(repoRoot, file), text));
  }
  for (const [file, text] of next) fs.writeFileSync(path.join(repoRoot, file), text);
  return edits.map(([file, , what]) => `${file.padEnd(36)} ${what}`);
}

function step(label: string, result: StepResult, summary: (output: string) => string): void {
  if (!result.ok) {
    console.log(`  ${label.padEnd(36)} FAILED (${result.seconds.toFixed(1)} s)\n\n${result.output}\n`);
    throw new ScaffoldError(
      `${label} failed: the files above are in place (git status lists them); fix the cause and run ` +
        "`npm run build && npm run schema && npm run deploy:files`",
    );
  }
  console.log(`  ${label.padEnd(36)} ${summary(result.output)} (${result.seconds.toFixed(1)} s)`);
}

const countWritten = (output: string) => {
  const wrote = /^wrote (.*)$/m.exec(output)?.[1];
  return wrote ? `wrote ${wrote.split(", ").length} files` : output.split("\n").at(-1)!;
};

async function main(): Promise<void> {
  const spec = await plan();
  const n = spec.names;
  console.log(
    `Creating the ${n.name} subgraph: @danvan/${n.name} on port ${spec.port}, entity ${n.entity}, owner ${spec.owner ? `"${spec.owner}"` : "not named (--owner)"}\n`,
  );
  const created = await writeFiles(spec);
  console.log(`Created services/${n.name}/:\n${created.map((f) => `  ${f}`).join("\n")}\n`);
  console.log(`Wired it in:\n${(await wire(spec)).map((l) => `  ${l}`).join("\n")}`);

  linkWorkspace(repoRoot, n.name);
  console.log(`  ${`node_modules/@danvan/${n.name}`.padEnd(36)} linked to services/${n.name}`);
  const npm = npmCommand();
  const node = (script: string, ...args: string[]) => runStep(repoRoot, process.execPath, [script, ...args]);
  // The lockfile and the build need nothing from each other: side by side. Only the lockfile is
  // written: every package is installed already and node_modules is left alone.
  const [lock, build] = await Promise.all([
    runStep(repoRoot, npm.command, [
      ...npm.prefix,
      "install",
      "--package-lock-only",
      "--offline",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
    ]),
    node(path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-b"),
  ]);
  console.log(
    `  ${"package-lock.json".padEnd(36)} ${lock.ok ? "the new workspace recorded (npm install --package-lock-only --offline)" : "NOT updated: run `npm install`"}`,
  );

  console.log("\nBuilt and generated:");
  step("npm run build (tsc -b)", build, () => "compiled");
  step("npm run schema", await node(scriptIfBuilt(repoRoot, "schema.js")!), (o) => o);
  // Both read the new supergraph; neither needs the other.
  const deployment = scriptIfBuilt(repoRoot, "deployment.js");
  const codegen = scriptIfBuilt(repoRoot, "codegen.js");
  const [files, client] = await Promise.all([deployment && node(deployment), codegen && node(codegen)]);
  if (files) step("npm run deploy:files", files, countWritten);
  if (client) step("npm run codegen", client, countWritten);

  const item = (command: string, what = "") => `${command.padEnd(34)} ${what}`.trimEnd();
  const steps = [
    item("npm install", "optional: the workspace is linked and the lockfile updated already"),
    item("npm run build"),
    item(`npm test -- services/${n.name}`, "its own tests (TEST_DATABASE=postgres for PostgreSQL)"),
    item("npm run schema:check", `${n.entity} and AdministrativeUnit.${n.single}Count show as safe changes`),
    `Decide who may see what: add ${n.entity} and Query.${n.plural}/${n.single} to test/src/support/access-policy.ts\n` +
      "     and a locator to test/src/support/access-matrix-queries.ts (the access-matrix test fails until then)",
    spec.owner
      ? `Add a row for ${n.name} to README.md ("What is in the graph now")`
      : `Name the owner in services/${n.name}/README.md (--owner was not given); add a row to README.md`,
    "Replace the example fields with the agency's own (docs/agency-guide.md); commit, and once it is deployed:\n" +
      "     npm run schema -- --release",
  ];
  console.log(`\nNext steps:\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join("\n")}`);
}

try {
  await main();
} catch (err) {
  console.error(`\nnew:subgraph: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
