import { startHarness as startSubgraphHarness, type Harness } from "@danvan/kit/testing";
import { petitionsSubgraph } from "../definition.js";
import { seedPetitions, type SeedScale } from "../../seed/seed.js";

export { ADMIN, ANALYST, officerOf, type Harness, type OperationResult } from "@danvan/kit/testing";

/** The petitions subgraph in-process on a fresh test database, seeded (small by default). */
export function startHarness(opts: { scale?: SeedScale; seed?: boolean } = {}): Promise<Harness> {
  return startSubgraphHarness(
    petitionsSubgraph,
    opts.seed === false ? undefined : (ds) => seedPetitions(ds, { scale: opts.scale ?? "small" }),
  );
}
