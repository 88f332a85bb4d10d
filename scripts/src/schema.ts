import "reflect-metadata";
import { Command } from "commander";
import { composeFromCode, staleFiles, writeSchemas } from "./composition.js";

const opts = new Command()
  .name("schema")
  .description("Print each subgraph's SDL to schema/<name>.graphql and compose schema/supergraph.graphql.")
  .option("--check", "write nothing; fail when the committed files differ from what the code produces")
  .parse()
  .opts<{ check?: boolean }>();

try {
  const composed = await composeFromCode();
  if (opts.check) {
    const stale = staleFiles(composed);
    if (stale.length) {
      console.error(
        `Stale schema files (run \`npm run schema\` and commit them):\n${stale.map((s) => `  - ${s}`).join("\n")}`,
      );
      process.exit(1);
    }
    console.log("schema/ is up to date");
  } else {
    writeSchemas(composed);
    console.log(`wrote ${[...composed.files.keys()].map((f) => `schema/${f}`).join(", ")}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
