import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsAtLevel, kindsAtLevel, parseStateBodyId, stateBodyIdOf } from "./state-bodies.js";

describe("state body kinds (rules)", () => {
  it("makes and reads the readable ids", () => {
    assert.equal(stateBodyIdOf("PEOPLES_COMMITTEE_CHAIR", "883"), "UBND-883");
    assert.equal(stateBodyIdOf("INSPECTORATE", "89"), "TTR-89");
    assert.deepEqual(parseStateBodyId("TAND-883"), { kind: "PEOPLES_COURT", unitCode: "883" });
    assert.deepEqual(parseStateBodyId("CA-30280"), { kind: "POLICE", unitCode: "30280" });
    assert.equal(parseStateBodyId("HND-883"), null);
    assert.equal(parseStateBodyId("UBND-8830"), null);
    assert.equal(parseStateBodyId("ubnd-883"), null);
  });

  it("gives each level its bodies: communes have no inspectorate, court or procuracy", () => {
    assert.deepEqual(kindsAtLevel("COMMUNE"), ["PEOPLES_COMMITTEE_CHAIR", "POLICE"]);
    assert.equal(kindsAtLevel("DISTRICT").length, 5);
    assert.equal(kindsAtLevel("PROVINCE").length, 5);
    assert.equal(existsAtLevel("INSPECTORATE", "COMMUNE"), false);
    assert.equal(existsAtLevel("INSPECTORATE", "DISTRICT"), true);
  });
});
