import "reflect-metadata";
import { ConfigError } from "@danvan/kit";
import { runSeedCli } from "@danvan/kit/seeding";
import { petitionsSubgraph } from "../src/definition.js";
import type { PetitionsContext } from "../src/context.js";
import { isSeeded, seedPetitions, type SeedScale } from "./seed.js";
import { identityKeys } from "../src/confidential/identity-keys.js";

try {
  identityKeys(); // PETITIONS_IDENTITY_KEYS: the seed writes identities encrypted (required in production)
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

await runSeedCli<PetitionsContext, SeedScale>(petitionsSubgraph, {
  scales: ["small", "full"],
  defaultScale: "full",
  seed: (ds, { scale, progress }) => seedPetitions(ds, { scale, progress }),
  isSeeded,
});
