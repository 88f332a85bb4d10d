import "reflect-metadata";
import { runSeedCli } from "@danvan/kit/seeding";
import { programsSubgraph } from "../src/definition.js";
import type { ProgramsContext } from "../src/context.js";
import { isSeeded, seedPrograms, type SeedScale } from "./seed.js";

await runSeedCli<ProgramsContext, SeedScale>(programsSubgraph, {
  scales: ["small", "default"],
  defaultScale: "default",
  seed: (ds, { scale, progress }) => seedPrograms(ds, { scale, progress }),
  isSeeded,
});
