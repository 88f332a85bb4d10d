import { startHarness as startSubgraphHarness, type Harness } from "@danvan/kit/testing";
import { organisationsSubgraph } from "../definition.js";
import { seedOrganisations, type SeedScale } from "../../seed/seed.js";

export { ADMIN, ANALYST, officerOf, type Harness, type OperationResult } from "@danvan/kit/testing";

/** The organisations subgraph in-process on a fresh test database, seeded (small by default). */
export function startHarness(opts: { scale?: SeedScale; seed?: boolean } = {}): Promise<Harness> {
  return startSubgraphHarness(
    organisationsSubgraph,
    opts.seed === false ? undefined : (ds) => seedOrganisations(ds, { scale: opts.scale ?? "small" }),
  );
}
