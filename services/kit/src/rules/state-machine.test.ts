import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { IllegalTransition, latestDate, stateMachine, stepDateFault } from "./state-machine.js";

const doors = stateMachine({
  open: { from: ["CLOSED"], to: "OPEN" },
  close: { from: ["OPEN"], to: "CLOSED" },
  brickUp: { from: ["OPEN", "CLOSED"], to: "WALL" },
});

describe("a lifecycle as a table", () => {
  it("leads each transition from its starting states to its state, and refuses the others", () => {
    assert.equal(doors.next("CLOSED", "open"), "OPEN");
    assert.equal(doors.next("OPEN", "brickUp"), "WALL");
    assert.throws(
      () => doors.next("WALL", "open"),
      (e: unknown) => e instanceof IllegalTransition && e.state === "WALL" && e.transition === "open",
    );
  });

  it("lists what may start from a state, and the final states", () => {
    assert.deepEqual(doors.allowedFrom("OPEN"), ["close", "brickUp"]);
    assert.deepEqual(doors.allowedFrom("WALL"), []);
    assert.deepEqual(doors.finalStates(), ["WALL"]);
  });

  it("dates a step on or after the previous one, and not in the future", () => {
    assert.equal(stepDateFault("2020-01-02", "2020-01-01", "2020-02-01"), null);
    assert.equal(stepDateFault("2020-01-01", "2020-01-01", "2020-02-01"), null);
    assert.equal(stepDateFault("2019-12-31", "2020-01-01", "2020-02-01"), "beforePrevious");
    assert.equal(stepDateFault("2020-03-01", "2020-01-01", "2020-02-01"), "inFuture");
    assert.equal(latestDate("2020-01-01", null, "2020-03-01", undefined, "2020-02-01"), "2020-03-01");
  });
});
