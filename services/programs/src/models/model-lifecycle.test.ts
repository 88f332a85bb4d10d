import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { kitMessage, LocalizedError } from "@danvan/kit";
import { StepDateRefused } from "../dated-step.js";
import { lifecycleTableTests } from "../lifecycle-table.fixture.js";
import { stepDateProblems } from "../lifecycle-refusals.js";
import { programsMessage } from "../messages.js";
import { ModelStatus } from "./model-enums.js";
import { applyModelTransition, lastModelStepOn, MODEL_LIFECYCLE, type ModelTransition } from "./model-lifecycle.js";
import { illegalModelMove, takeModelStep } from "./model-refusals.js";

/** Every move the product allows (docs/product.md, "programs"), written out by hand. */
const ALLOWED: [ModelStatus, ModelTransition, ModelStatus][] = [
  [ModelStatus.REGISTERED, "start", ModelStatus.IMPLEMENTING],
  [ModelStatus.IMPLEMENTING, "evaluate", ModelStatus.EVALUATED],
  [ModelStatus.EVALUATED, "recognise", ModelStatus.RECOGNISED],
  [ModelStatus.EVALUATED, "reject", ModelStatus.NOT_RECOGNISED],
  [ModelStatus.REGISTERED, "withdraw", ModelStatus.WITHDRAWN],
  [ModelStatus.IMPLEMENTING, "withdraw", ModelStatus.WITHDRAWN],
  [ModelStatus.EVALUATED, "withdraw", ModelStatus.WITHDRAWN],
];

function errorOf(fn: () => unknown): { code: unknown; reason: unknown } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof GraphQLError);
    return { code: e.extensions.code, reason: e.extensions.reason };
  }
  assert.fail("expected an error");
}

describe('"Dân vận khéo" model lifecycle', () => {
  lifecycleTableTests({
    machine: MODEL_LIFECYCLE,
    states: Object.values(ModelStatus),
    allowed: ALLOWED,
    illegalMove: illegalModelMove,
    counts: { pairs: 30, allowed: 7 },
    notInRefusal: /[A-Z]{3,}|_|\{\{/,
  });

  it("ends only in RECOGNISED, NOT_RECOGNISED or WITHDRAWN", () => {
    assert.deepEqual(MODEL_LIFECYCLE.finalStates().sort(), [
      ModelStatus.NOT_RECOGNISED,
      ModelStatus.RECOGNISED,
      ModelStatus.WITHDRAWN,
    ]);
  });

  const steps = {
    registeredOn: "2019-02-01",
    startedOn: "2019-03-01",
    evaluatedOn: "2019-10-15",
    decidedOn: null,
    withdrawnOn: null,
  };

  it("dates a step no earlier than the previous one, and not in the future", () => {
    assert.equal(lastModelStepOn(steps), "2019-10-15");
    assert.deepEqual(stepDateProblems(lastModelStepOn(steps), "2019-10-15", "2020-01-01"), []);
    assert.deepEqual(stepDateProblems(lastModelStepOn(steps), "2019-10-14", "2020-01-01"), [
      { path: "input.on", message: programsMessage("beforePreviousStep") },
    ]);
    assert.deepEqual(stepDateProblems(lastModelStepOn(steps), "2020-01-02", "2020-01-01"), [
      { path: "input.on", message: kitMessage("notInFuture") },
    ]);
  });

  it("names the model's state and the refused move in the caller's language, not as codes", () => {
    const refusal = (state: ModelStatus, transition: ModelTransition) => {
      try {
        takeModelStep({ ...steps, status: state }, transition, "2019-12-01", "2020-01-01");
      } catch (e) {
        assert.ok(e instanceof LocalizedError);
        return [e.render("en").message, e.render("vi").message];
      }
      assert.fail("expected an error");
    };
    assert.deepEqual(refusal(ModelStatus.RECOGNISED, "withdraw"), [
      "A model that is recognised cannot be withdrawn",
      'Mô hình "Dân vận khéo" đã được công nhận thì không thể rút đăng ký',
    ]);
    assert.deepEqual(refusal(ModelStatus.REGISTERED, "recognise"), [
      "A model that is registered cannot be recognised",
      'Mô hình "Dân vận khéo" mới đăng ký thì không thể công nhận',
    ]);
  });

  it("records recognition and rejection as the decision date", () => {
    const model = { ...steps, status: ModelStatus.EVALUATED };
    assert.deepEqual(applyModelTransition(model, "recognise", "2019-12-01", "2020-01-01"), {
      status: ModelStatus.RECOGNISED,
      decidedOn: "2019-12-01",
    });
    assert.deepEqual(applyModelTransition(model, "reject", "2019-12-01", "2020-01-01"), {
      status: ModelStatus.NOT_RECOGNISED,
      decidedOn: "2019-12-01",
    });
    assert.deepEqual(takeModelStep(model, "withdraw", "2019-11-01", "2020-01-01"), {
      status: ModelStatus.WITHDRAWN,
      withdrawnOn: "2019-11-01",
    });
    assert.throws(
      () => applyModelTransition(model, "recognise", "2019-01-01", "2020-01-01"),
      (e: unknown) => e instanceof StepDateRefused && e.fault === "beforePrevious",
    );
    assert.equal(errorOf(() => takeModelStep(model, "recognise", "2019-01-01", "2020-01-01")).code, "BAD_USER_INPUT");
  });
});
