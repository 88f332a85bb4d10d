import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { kitMessage } from "@danvan/kit";
import { campaignProblems } from "./campaign-rules.js";
import { orgMessage } from "../messages.js";

describe("campaign rules", () => {
  const base = { startsOn: "2020-01-01", endsOn: "2020-12-31", phases: [] };

  it("accepts a campaign within its parent with ordered phases", () => {
    const c = {
      ...base,
      phases: [
        { startsOn: "2020-01-01", endsOn: "2020-06-30" },
        { startsOn: "2020-07-01", endsOn: "2020-12-31" },
      ],
    };
    assert.deepEqual(campaignProblems(c, { startsOn: "2019-01-01", endsOn: "2021-12-31" }), []);
  });

  it("names what is wrong: end before start, outside the parent, phases out of order or outside", () => {
    assert.deepEqual(campaignProblems({ ...base, endsOn: "2019-01-01" }, null), [
      { path: "input.endsOn", message: kitMessage("notBefore", { other: orgMessage("otherStartsOn") }) },
    ]);
    assert.deepEqual(
      campaignProblems(base, { startsOn: "2020-02-01", endsOn: "2020-06-30" }).map((p) => p.path),
      ["input.startsOn", "input.endsOn"],
    );
    const overlapping = {
      ...base,
      phases: [
        { startsOn: "2020-01-01", endsOn: "2020-06-30" },
        { startsOn: "2020-06-30", endsOn: "2020-12-31" },
      ],
    };
    assert.deepEqual(
      campaignProblems(overlapping, null).map((p) => p.path),
      ["input.phases.1.startsOn"],
    );
    const outside = { ...base, phases: [{ startsOn: "2019-12-01", endsOn: "2020-01-31" }] };
    assert.deepEqual(
      campaignProblems(outside, null).map((p) => p.path),
      ["input.phases.0"],
    );
  });
});
