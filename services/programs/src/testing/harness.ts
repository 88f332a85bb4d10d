import { startHarness as startSubgraphHarness, type Harness } from "@danvan/kit/testing";
import { programsSubgraph } from "../definition.js";
import { seedPrograms, type SeedScale } from "../../seed/seed.js";

export { ADMIN, ANALYST, officerOf, type Harness, type OperationResult } from "@danvan/kit/testing";

/** The programs subgraph in-process on a fresh test database, seeded (small by default). */
export function startHarness(opts: { scale?: SeedScale; seed?: boolean } = {}): Promise<Harness> {
  return startSubgraphHarness(
    programsSubgraph,
    opts.seed === false ? undefined : (ds) => seedPrograms(ds, { scale: opts.scale ?? "small" }),
  );
}
