import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { errorCodes, OperationNames } from "./metrics.js";

describe("metric labels from callers' input", () => {
  it("keeps well-formed operation names, up to a bound, and folds the rest into other", () => {
    const names = new OperationNames(3);
    assert.equal(names.label("DistrictPage"), "DistrictPage");
    assert.equal(names.label(undefined), "anonymous");
    assert.equal(names.label("bad name; drop table"), "other");
    assert.equal(names.label("x".repeat(101)), "other");
    assert.equal(names.label("B"), "B");
    assert.equal(names.label("C"), "C");
    assert.equal(names.label("D"), "other", "a fourth distinct name is over the bound");
    assert.equal(names.label("DistrictPage"), "DistrictPage", "names already seen stay");
  });

  it("reads error codes, INTERNAL_SERVER_ERROR when an error has none", () => {
    assert.deepEqual(errorCodes([{ extensions: { code: "NOT_FOUND" } }, {}]), ["NOT_FOUND", "INTERNAL_SERVER_ERROR"]);
    assert.deepEqual(errorCodes(undefined), []);
  });
});
