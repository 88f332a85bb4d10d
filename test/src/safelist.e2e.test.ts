import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import path from "node:path";
import { repoRoot } from "@danvan/kit";
import { postGraphQL, startFederation, type Federation } from "./support/federation.js";
import { operation } from "./support/operations.js";

/** The optional production mode: only the checked-in operations run, except for analysts. */
describe("operation safelisting at the gateway (SAFELIST_MANIFEST)", () => {
  let f: Federation;
  before(async () => {
    f = await startFederation({
      extraEnv: { SAFELIST_MANIFEST: path.join(repoRoot, "schema/operations.manifest.json") },
    });
  });
  after(async () => f?.stop());

  const page = operation("DistrictPage");
  const adHoc = `{ administrativeUnits(parentCode: "91") { code name } }`;

  it("runs a manifest operation for the public, by its text or by its id alone", async () => {
    const byText = await f.query(page.document, { variables: page.variables });
    assert.equal(byText.body.errors, undefined, byText.text.slice(0, 300));
    const headline = operation("ProvinceHeadline");
    const id = createHash("sha256").update(headline.document).digest("hex");
    const byId = await postGraphQL(f.gatewayUrl, {
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    });
    assert.equal(byId.body.errors, undefined, byId.text.slice(0, 300));
    assert.ok((byId.body.data!.povertyStatistics as { households: number }).households > 0);
  });

  it("refuses anything else for the public and officers, coded, and runs it for analysts", async () => {
    const officer = await f.token({ sub: "officer-1", roles: ["OFFICER"], unitCode: "883" });
    const analyst = await f.token({ sub: "analyst-1", roles: ["ANALYST"] });
    for (const token of [undefined, officer]) {
      const r = await f.query(adHoc, { token });
      assert.equal(r.status, 400);
      assert.equal(r.body.errors?.[0]?.extensions?.code, "OPERATION_NOT_SAFELISTED");
      assert.equal(r.body.data, undefined);
    }
    // A manifest operation changed by one character is another operation.
    const edited = await f.query(page.document.replace("name", "name "), { variables: page.variables });
    assert.equal(edited.body.errors?.[0]?.extensions?.code, "OPERATION_NOT_SAFELISTED");
    const unknownId = await postGraphQL(f.gatewayUrl, {
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    assert.equal(unknownId.body.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
    const r = await f.query(adHoc, { token: analyst });
    assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
    assert.equal((r.body.data!.administrativeUnits as unknown[]).length, 102);
  });
});
