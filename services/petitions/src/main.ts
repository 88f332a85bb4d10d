import "reflect-metadata";
import { ConfigError, runSubgraph, stopOnSignals } from "@danvan/kit";
import { petitionsSubgraph } from "./definition.js";

try {
  const { server, logger } = await runSubgraph(petitionsSubgraph);
  stopOnSignals(server, logger);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
