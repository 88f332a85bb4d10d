import "reflect-metadata";
import { runSeedCli } from "@danvan/kit/seeding";
import { petitionsSubgraph } from "../src/definition.js";
import type { PetitionsContext } from "../src/context.js";
import { isSeeded, seedPetitions, type SeedScale } from "./seed.js";

await runSeedCli<PetitionsContext, SeedScale>(petitionsSubgraph, {
  scales: ["small", "full"],
  defaultScale: "full",
  seed: (ds, { scale, progress }) => seedPetitions(ds, { scale, progress }),
  isSeeded,
});
