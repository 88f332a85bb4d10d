import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { kitMessage, translate } from "@danvan/kit";
import { projectDateProblems } from "./project-refusals.js";

describe("member project dates", () => {
  it("allows open-ended projects and projects ending on or after their start", () => {
    assert.deepEqual(projectDateProblems({ startsOn: "2019-01-01", endsOn: null }), []);
    assert.deepEqual(projectDateProblems({ startsOn: "2019-01-01", endsOn: "2019-01-01" }), []);
    assert.deepEqual(projectDateProblems({ startsOn: "2019-01-01", endsOn: "2021-06-30" }), []);
  });

  it("refuses an end before the start, naming the date the caller changed", () => {
    const [ends] = projectDateProblems({ startsOn: "2019-01-01", endsOn: "2018-12-31" });
    assert.deepEqual(ends, { path: "input.endsOn", message: kitMessage("notBefore", { other: "startsOn" }) });
    assert.equal(translate(ends!.message, "en"), "must not be before startsOn");
    assert.equal(translate(ends!.message, "vi"), "không được trước startsOn");
    assert.deepEqual(projectDateProblems({ startsOn: "2019-01-01", endsOn: "2018-12-31" }, "startsOn"), [
      { path: "input.startsOn", message: kitMessage("notAfter", { other: "endsOn" }) },
    ]);
  });
});
