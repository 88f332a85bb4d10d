import "reflect-metadata";
import { ConfigError, runSubgraph, stopOnSignals } from "@danvan/kit";
import { petitionsSubgraph } from "./definition.js";
import { remoteAreas } from "./units/remote-areas.js";
import { identityKeys } from "./confidential/identity-keys.js";

try {
  remoteAreas(); // validates UNIT_REGISTRY_URL at start-up, not at the first petition
  identityKeys(); // PETITIONS_IDENTITY_KEYS: required in production, checked before anything opens
  const { server, logger } = await runSubgraph(petitionsSubgraph);
  stopOnSignals(server, logger);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
