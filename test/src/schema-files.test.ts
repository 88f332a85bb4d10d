import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { composeFromCode, staleFiles } from "@danvan/scripts/composition";

describe("committed schema files", () => {
  it("equal what the code produces (run `npm run schema` and commit when this fails)", async () => {
    const composed = await composeFromCode();
    assert.deepEqual(staleFiles(composed), []);
  });

  it("compose into a supergraph that holds every subgraph's entities", async () => {
    const composed = await composeFromCode();
    const supergraph = composed.files.get("supergraph.graphql")!;
    assert.match(supergraph, /join__graph\(name: "organisations"/);
    assert.match(supergraph, /type AdministrativeUnit\s+@join__type\(graph: ORGANISATIONS, key: "code validFrom"\)/);
    assert.match(supergraph, /type Organisation\s+@join__type\(graph: ORGANISATIONS, key: "id"\)/);
  });
});
