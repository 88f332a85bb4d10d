import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { kitMessage, LocalizedError } from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { ModelStatus } from "./model-enums.js";
import {
  applyModelTransition,
  lastModelStepOn,
  MODEL_TRANSITIONS,
  modelStepDateProblems,
  nextModelState,
  type ModelTransition,
} from "./model-lifecycle.js";

const ALL_STATES = Object.values(ModelStatus);
const ALL_TRANSITIONS = Object.keys(MODEL_TRANSITIONS) as ModelTransition[];

/** Every move the product allows (product.md, "programs"), written out by hand. */
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
  for (const [from, transition, to] of ALLOWED) {
    it(`allows ${transition} from ${from} to ${to}`, () => assert.equal(nextModelState(from, transition), to));
  }

  const allowed = new Set(ALLOWED.map(([from, t]) => `${from}:${t}`));
  for (const from of ALL_STATES) {
    for (const transition of ALL_TRANSITIONS) {
      if (allowed.has(`${from}:${transition}`)) continue;
      it(`refuses ${transition} from ${from} with CONFLICT / ILLEGAL_TRANSITION`, () => {
        assert.deepEqual(
          errorOf(() => nextModelState(from, transition)),
          { code: "CONFLICT", reason: "ILLEGAL_TRANSITION" },
        );
      });
    }
  }

  it("covers every state and transition: 7 allowed moves out of 30", () => {
    assert.equal(ALL_STATES.length * ALL_TRANSITIONS.length, 30);
    assert.equal(allowed.size, 7);
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
    assert.deepEqual(modelStepDateProblems(steps, "2019-10-15", "2020-01-01"), []);
    assert.deepEqual(modelStepDateProblems(steps, "2019-10-14", "2020-01-01"), [
      { path: "input.on", message: programsMessage("beforePreviousStep") },
    ]);
    assert.deepEqual(modelStepDateProblems(steps, "2020-01-02", "2020-01-01"), [
      { path: "input.on", message: kitMessage("notInFuture") },
    ]);
  });

  it("names the model's state and the refused move in the caller's language, not as codes", () => {
    const refusal = (state: ModelStatus, transition: ModelTransition) => {
      try {
        nextModelState(state, transition);
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
    for (const state of ALL_STATES) {
      for (const transition of ALL_TRANSITIONS) {
        if (MODEL_TRANSITIONS[transition].from.includes(state)) continue;
        for (const text of refusal(state, transition)) {
          assert.doesNotMatch(text, /[A-Z]{3,}|_|\{\{/, text);
        }
      }
    }
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
    assert.deepEqual(applyModelTransition(model, "withdraw", "2019-11-01", "2020-01-01"), {
      status: ModelStatus.WITHDRAWN,
      withdrawnOn: "2019-11-01",
    });
    assert.equal(
      errorOf(() => applyModelTransition(model, "recognise", "2019-01-01", "2020-01-01")).code,
      "BAD_USER_INPUT",
    );
  });
});
