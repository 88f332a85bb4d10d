import "reflect-metadata";
import { runSeedCli } from "@danvan/kit/seeding";
import { organisationsSubgraph } from "../src/definition.js";
import type { OrganisationsContext } from "../src/context.js";
import { isSeeded, seedOrganisations, type SeedScale } from "./seed.js";

await runSeedCli<OrganisationsContext, SeedScale>(organisationsSubgraph, {
  scales: ["small", "full"],
  defaultScale: "full",
  seed: (ds, { scale, progress }) => seedOrganisations(ds, { scale, progress }),
  isSeeded,
});
