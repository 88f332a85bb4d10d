import "reflect-metadata";
import { ConfigError, runSubgraph, stopOnSignals } from "@danvan/kit";
import { programsSubgraph } from "./definition.js";

try {
  const { server, logger } = await runSubgraph(programsSubgraph);
  stopOnSignals(server, logger);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
