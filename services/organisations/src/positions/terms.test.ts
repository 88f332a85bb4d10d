import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { conflictingHead, termsOverlap } from "./terms.js";
import { PositionTitle } from "./position-title.js";
import { heldOn } from "./leadership-position.entity.js";

describe("leadership terms", () => {
  it("detects overlapping terms, open terms included", () => {
    assert.equal(
      termsOverlap({ termStart: "2014-10-01", termEnd: "2019-09-30" }, { termStart: "2019-10-01", termEnd: null }),
      false,
    );
    assert.equal(
      termsOverlap({ termStart: "2014-10-01", termEnd: "2019-10-01" }, { termStart: "2019-10-01", termEnd: null }),
      true,
    );
    assert.equal(
      termsOverlap({ termStart: "2019-10-01", termEnd: null }, { termStart: "2030-01-01", termEnd: null }),
      true,
    );
  });

  it("allows one chair at a time and any number of other positions", () => {
    const chair = { title: PositionTitle.CHAIR, termStart: "2019-10-01", termEnd: null };
    assert.ok(conflictingHead([chair], { title: PositionTitle.CHAIR, termStart: "2020-01-01", termEnd: null }));
    assert.equal(
      conflictingHead([chair], { title: PositionTitle.VICE_CHAIR, termStart: "2020-01-01", termEnd: null }),
      undefined,
    );
    const ended = { ...chair, termEnd: "2019-12-31" };
    assert.equal(
      conflictingHead([ended], { title: PositionTitle.CHAIR, termStart: "2020-01-01", termEnd: null }),
      undefined,
    );
  });

  it("holds a position from the first to the last day of the term", () => {
    const p = { termStart: "2019-10-01", termEnd: "2024-09-30" };
    assert.deepEqual(
      ["2019-09-30", "2019-10-01", "2024-09-30", "2024-10-01"].map((d) => heldOn(p, d)),
      [false, true, true, false],
    );
  });
});
