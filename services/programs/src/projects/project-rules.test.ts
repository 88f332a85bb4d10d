import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { endsBeforeItStarts } from "./project-rules.js";

describe("member project dates (rule)", () => {
  it("allows open-ended projects and projects ending on or after their start", () => {
    assert.equal(endsBeforeItStarts({ startsOn: "2019-01-01", endsOn: null }), false);
    assert.equal(endsBeforeItStarts({ startsOn: "2019-01-01", endsOn: "2019-01-01" }), false);
    assert.equal(endsBeforeItStarts({ startsOn: "2019-01-01", endsOn: "2021-06-30" }), false);
  });

  it("refuses an end before the start", () => {
    assert.equal(endsBeforeItStarts({ startsOn: "2019-01-01", endsOn: "2018-12-31" }), true);
  });
});
