import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { referenceUnits } from "../units/index.js";
import { hasCommittee, organisationIdOf, parseOrganisationId, WARDS_WITHOUT_FARMERS_UNION } from "./organisation-id.js";

describe("organisation ids and where committees exist", () => {
  it("reads back the parts of every id it makes, and refuses what is not one", () => {
    assert.deepEqual(parseOrganisationId(organisationIdOf("HND", "30280")), { prefix: "HND", unitCode: "30280" });
    assert.equal(parseOrganisationId("HND-3028"), null);
    assert.equal(parseOrganisationId("XYZ-89"), null);
  });

  it("has the Labour Federation at province and districts only, the Farmers' Union in 152 communes", () => {
    const communes = referenceUnits.filter((u) => u.level === "COMMUNE");
    assert.equal(communes.filter((u) => hasCommittee("LDLD", u.code)).length, 0);
    assert.ok(hasCommittee("LDLD", "89") && hasCommittee("LDLD", "883"));
    assert.equal(communes.filter((u) => hasCommittee("HND", u.code)).length, 152);
    for (const code of WARDS_WITHOUT_FARMERS_UNION)
      assert.ok(
        communes.some((u) => u.code === code),
        code,
      );
    assert.ok(communes.every((u) => hasCommittee("MTTQ", u.code) && hasCommittee("DTN", u.code)));
  });
});
