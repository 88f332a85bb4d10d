import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SeededRandom } from "@danvan/kit/seeding";
import { hasCommittee, parseOrganisationId } from "@danvan/kit/federation";
import { buildModels, buildProjects } from "./models-projects.gen.js";

describe("seeded models and projects", () => {
  it("name only committees the organisations subgraph has (no Farmers' Union where it has no unit)", () => {
    const rng = new SeededRandom(20);
    const ids = [...buildModels(rng, 2_400), ...buildProjects(rng, 600)].map((x) => x.organisationId);
    for (const id of ids) {
      const parsed = parseOrganisationId(id);
      assert.ok(parsed, id);
      assert.ok(hasCommittee(parsed.prefix, parsed.unitCode), id);
    }
    assert.ok(ids.some((id) => id.startsWith("HND-")));
  });
});
