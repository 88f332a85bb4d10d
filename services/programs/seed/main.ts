import "reflect-metadata";
import { runSeedCli } from "@danvan/kit/seeding";
import { programsSubgraph } from "../src/definition.js";
import type { ProgramsContext } from "../src/context.js";
import { isSeeded, SCALES, seedPrograms, type SeedScale } from "./seed.js";

await runSeedCli<ProgramsContext, SeedScale>(programsSubgraph, {
  scales: SCALES,
  defaultScale: "full",
  seed: (ds, { scale, progress }) => seedPrograms(ds, { scale, progress }),
  isSeeded,
});
