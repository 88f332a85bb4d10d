import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { kitMessage, LocalizedError } from "@danvan/kit";
import { IllegalTransition } from "@danvan/kit/rules";
import { StepDateRefused } from "../dated-step.js";
import { lifecycleTableTests } from "../lifecycle-table.fixture.js";
import { stepDateProblems } from "../lifecycle-refusals.js";
import { programsMessage } from "../messages.js";
import { costFaults } from "./house-cost.js";
import { HouseStatus } from "./house-enums.js";
import { applyTransition, HOUSE_LIFECYCLE, lastStepOn, type HouseTransition } from "./house-lifecycle.js";
import { costProblems, illegalHouseMove, takeHouseStep } from "./house-refusals.js";

/** Every move the product allows (docs/product.md, "programs"), written out by hand. */
const ALLOWED: [HouseStatus, HouseTransition, HouseStatus][] = [
  [HouseStatus.PROPOSED, "approve", HouseStatus.APPROVED],
  [HouseStatus.APPROVED, "startConstruction", HouseStatus.UNDER_CONSTRUCTION],
  [HouseStatus.UNDER_CONSTRUCTION, "handOver", HouseStatus.HANDED_OVER],
  [HouseStatus.PROPOSED, "cancel", HouseStatus.CANCELLED],
  [HouseStatus.APPROVED, "cancel", HouseStatus.CANCELLED],
  [HouseStatus.UNDER_CONSTRUCTION, "cancel", HouseStatus.CANCELLED],
];

function codeOf(fn: () => unknown): { code: unknown; reason: unknown } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GraphQLError);
    return { code: e.extensions.code, reason: e.extensions.reason };
  }
  assert.fail("expected an error");
}

describe("Great Solidarity house lifecycle", () => {
  lifecycleTableTests({
    machine: HOUSE_LIFECYCLE,
    states: Object.values(HouseStatus),
    allowed: ALLOWED,
    illegalMove: illegalHouseMove,
    counts: { pairs: 20, allowed: 6 },
    notInRefusal: /[A-Z]{3,}|_|startConstruction|handOver|\{\{/,
  });

  it("ends only in HANDED_OVER or CANCELLED", () => {
    assert.deepEqual(HOUSE_LIFECYCLE.finalStates().sort(), [HouseStatus.CANCELLED, HouseStatus.HANDED_OVER]);
  });

  const steps = {
    proposedOn: "2019-03-01",
    approvedOn: "2019-04-01",
    constructionStartedOn: null,
    handedOverOn: null,
    cancelledOn: null,
  };

  it("dates a step no earlier than the previous one, and not in the future", () => {
    assert.equal(lastStepOn(steps), "2019-04-01");
    assert.deepEqual(stepDateProblems(lastStepOn(steps), "2019-04-01", "2020-01-01"), []);
    assert.deepEqual(stepDateProblems(lastStepOn(steps), "2019-03-31", "2020-01-01"), [
      { path: "input.on", message: programsMessage("beforePreviousStep") },
    ]);
    assert.deepEqual(stepDateProblems(lastStepOn(steps), "2020-01-02", "2020-01-01"), [
      { path: "input.on", message: kitMessage("notInFuture") },
    ]);
  });

  it("names the house's state and the refused move in the caller's language, not as codes", () => {
    const refusal = (state: HouseStatus, transition: HouseTransition) => {
      try {
        takeHouseStep({ ...steps, status: state }, transition, "2019-05-01", "2020-01-01");
      } catch (e) {
        assert.ok(e instanceof LocalizedError);
        return [e.render("en").message, e.render("vi").message];
      }
      assert.fail("expected an error");
    };
    assert.deepEqual(refusal(HouseStatus.HANDED_OVER, "cancel"), [
      "A house that is handed over cannot be cancelled",
      "Nhà Đại đoàn kết đã bàn giao thì không thể hủy",
    ]);
    assert.deepEqual(refusal(HouseStatus.PROPOSED, "handOver"), [
      "A house that is proposed cannot be handed over",
      "Nhà Đại đoàn kết đang ở bước đề xuất thì không thể bàn giao",
    ]);
    assert.deepEqual(refusal(HouseStatus.CANCELLED, "startConstruction"), [
      "A house that is cancelled cannot start construction",
      "Nhà Đại đoàn kết đã bị hủy thì không thể khởi công",
    ]);
  });

  it("applies a transition: new state and the step's date; a backwards date is BAD_USER_INPUT", () => {
    const house = { ...steps, status: HouseStatus.APPROVED };
    assert.deepEqual(applyTransition(house, "startConstruction", "2019-05-01", "2020-01-01"), {
      status: HouseStatus.UNDER_CONSTRUCTION,
      constructionStartedOn: "2019-05-01",
    });
    assert.deepEqual(takeHouseStep(house, "cancel", "2019-05-01", "2020-01-01"), {
      status: HouseStatus.CANCELLED,
      cancelledOn: "2019-05-01",
    });
    assert.throws(
      () => applyTransition(house, "startConstruction", "2019-01-01", "2020-01-01"),
      (e: unknown) => e instanceof StepDateRefused && e.fault === "beforePrevious",
    );
    assert.equal(
      codeOf(() => takeHouseStep(house, "startConstruction", "2019-01-01", "2020-01-01")).code,
      "BAD_USER_INPUT",
    );
    // The state is checked before the date: an illegal move is refused whatever its date.
    assert.throws(
      () => applyTransition(house, "handOver", "2019-01-01", "2020-01-01"),
      (e: unknown) => e instanceof IllegalTransition,
    );
    assert.equal(codeOf(() => takeHouseStep(house, "handOver", "2019-01-01", "2020-01-01")).code, "CONFLICT");
  });
});

describe("house cost split", () => {
  const split = (fund: bigint, sponsor: bigint, family: bigint, fundId: string | null) => ({
    fundAmountVnd: fund,
    sponsorAmountVnd: sponsor,
    familyAmountVnd: family,
    fundId,
  });

  it("accepts a split with or without a paying fund", () => {
    assert.deepEqual(costFaults(split(40_000_000n, 10_000_000n, 5_000_000n, "QVNN-30280")), []);
    assert.deepEqual(costFaults(split(0n, 30_000_000n, 5_000_000n, null)), []);
    assert.deepEqual(costProblems(split(40_000_000n, 10_000_000n, 5_000_000n, "QVNN-30280")), []);
    assert.deepEqual(costProblems(split(0n, 30_000_000n, 5_000_000n, null)), []);
  });

  it("refuses a house costing nothing, a fund share without a fund, and a fund paying nothing", () => {
    assert.deepEqual(costFaults(split(0n, 0n, 0n, null)), ["costsNothing"]);
    assert.deepEqual(costFaults(split(1n, 0n, 0n, null)), ["fundShareWithoutFund"]);
    assert.deepEqual(costFaults(split(0n, 1n, 0n, "QVNN-883")), ["fundPaysNothing"]);
    assert.deepEqual(
      costProblems(split(0n, 0n, 0n, null)).map((p) => p.path),
      ["input.familyAmountVnd"],
    );
    assert.deepEqual(
      costProblems(split(1n, 0n, 0n, null)).map((p) => p.path),
      ["input.fundId"],
    );
    assert.deepEqual(
      costProblems(split(0n, 1n, 0n, "QVNN-883")).map((p) => p.path),
      ["input.fundAmountVnd"],
    );
  });
});
