import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { repoRoot } from "@danvan/kit";
import { printSubgraphs, schemaFiles, staleFiles, writeSchemas } from "./composition.js";
import {
  API_FILE,
  checkSchemas,
  NO_RELEASE,
  composeSubgraphs,
  defaultPaths,
  EMPTY_DECLARATIONS,
  formatCompositionProblems,
  formatReport,
  readDeclared,
  readOperations,
  readReleased,
  relative,
  writeRelease,
} from "./schema-check/index.js";

const opts = new Command()
  .name("schema")
  .description(
    "Print each subgraph's SDL to schema/<name>.graphql and compose schema/supergraph.graphql.\n" +
      "--check writes nothing and fails on a composition error, stale committed files, an undeclared breaking\n" +
      "change since schema/released/ or a checked-in operation that no longer validates (docs/schema-checks.md).",
  )
  .option("--check", "write nothing; report and fail as described above")
  .option("--release", "write the schema files, make them the released baseline and empty the declared breaks")
  .option(
    "--sdl <subgraph=file>",
    "with --check: use this SDL file for a subgraph instead of its code (to try a change; repeatable)",
    (value: string, all: string[]) => [...all, value],
    [] as string[],
  )
  .option("--declared <file>", "with --check: read declared breaking changes from this file instead")
  .option("--all-safe", "list every safe change (by default the first 40)")
  .parse()
  .opts<{ check?: boolean; release?: boolean; sdl: string[]; declared?: string; allSafe?: boolean }>();

const paths = defaultPaths(repoRoot);
// npm runs scripts from the repository root; file arguments are relative to where the person typed the command.
const fromUser = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (opts.declared) paths.declaredFile = fromUser(opts.declared);

async function main(): Promise<number> {
  const subgraphs = await printSubgraphs();
  for (const override of opts.sdl) {
    const [name, file] = override.split("=");
    const entry = subgraphs.find((s) => s.name === name);
    if (!entry || !file)
      throw new Error(`--sdl ${override}: expected <subgraph>=<file>, one of ${subgraphs.map((s) => s.name)}`);
    entry.sdl = fs.readFileSync(fromUser(file), "utf8");
    entry.file = relative(paths, fromUser(file));
  }
  const composition = composeSubgraphs(subgraphs);
  if (!opts.check && !opts.release) {
    if (!composition.ok) {
      console.error(formatCompositionProblems(composition.problems).join("\n"));
      return 1;
    }
    const files = schemaFiles(subgraphs, composition.supergraphSdl);
    writeSchemas({ files });
    console.log(`wrote ${[...files.keys()].map((f) => `schema/${f}`).join(", ")}`);
    return 0;
  }
  const files = composition.ok ? schemaFiles(subgraphs, composition.supergraphSdl) : undefined;
  const result = await checkSchemas({
    subgraphs,
    composition,
    released: readReleased(paths),
    declared: readDeclared(paths),
    operations: readOperations(paths),
    // A release writes the files; trial SDL (--sdl) differs from the committed files by design.
    ...(files && opts.check && !opts.sdl.length ? { staleFiles: staleFiles({ files }) } : {}),
  });
  const report = formatReport(result, {
    releasedApiFile: relative(paths, path.join(paths.releasedDir, API_FILE)),
    ...(opts.allSafe ? { maxSafe: Number.POSITIVE_INFINITY } : {}),
  });
  if (opts.check) {
    (result.ok ? console.log : console.error)(report);
    return result.ok ? 0 : 1;
  }
  // The first release has nothing to compare with; anything else that fails the check blocks a release.
  if (result.failures.some((f) => f !== NO_RELEASE) || !composition.ok || !files) {
    console.error(`${report}\n\nRelease refused: fix or declare the above first.`);
    return 1;
  }
  writeSchemas({ files });
  writeRelease(paths, subgraphs, composition.apiSdl);
  fs.writeFileSync(paths.declaredFile, EMPTY_DECLARATIONS);
  console.log(
    `${result.hasReleased ? report : "No earlier release: this is the first."}\n\nReleased: schema/ written, ${relative(paths, paths.releasedDir)}/ now holds ${subgraphs.map((s) => `${s.name}.graphql`).join(", ")} and ${API_FILE}; ${relative(paths, paths.declaredFile)} emptied.`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
