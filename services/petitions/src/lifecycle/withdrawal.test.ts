import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isOverdue } from "../deadlines/overdue.js";
import { apply } from "./apply.js";
import { PetitionKind, PetitionStatus } from "./petition-enums.js";
import { accept, refused, run, uphold, verify, withdraw } from "./petition-scenario.fixture.js";
import { allowedTransitions } from "./transition-rules.js";

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const S = PetitionStatus;

describe("withdrawal", () => {
  it("ends a complaint from any open status, in writing; no deadline runs after", () => {
    const open = [
      run({ kind: COMPLAINT }),
      run({ kind: COMPLAINT }, [accept, "2019-03-02"]),
      run({ kind: COMPLAINT }, [accept, "2019-03-02"], [verify, "2019-03-03"]),
    ];
    for (const s of open) {
      const w = apply(s, withdraw, "2019-03-04");
      assert.deepEqual([w.status, w.closedOn, w.dueOn], [S.WITHDRAWN, "2019-03-04", null], s.status);
      assert.equal(isOverdue(w, "2020-01-01"), false);
      assert.deepEqual(allowedTransitions(w), []);
    }
  });

  it("must be in writing, and a complaint has no case in which it goes on", () => {
    const s = run({ kind: COMPLAINT });
    refused(
      () => apply(s, { type: "withdraw", inWriting: false }, "2019-03-02"),
      "INVALID_TRANSITION_INPUT",
      "inWriting",
    );
    refused(
      () => apply(s, { type: "withdraw", inWriting: true, partOnly: true }, "2019-03-02"),
      "INVALID_TRANSITION_INPUT",
      "partOnly",
    );
    refused(
      () => apply(s, { type: "withdraw", inWriting: true, handlerContinues: true }, "2019-03-02"),
      "INVALID_TRANSITION_INPUT",
      "handlerContinues",
    );
  });

  it("is too late once the complaint is decided", () => {
    const decided = run({ kind: COMPLAINT }, [accept, "2019-03-02"], [verify, "2019-03-03"], [uphold, "2019-03-04"]);
    refused(() => apply(decided, withdraw, "2019-03-05"), "ILLEGAL_TRANSITION");
  });

  it("ends a denunciation withdrawn in full before the conclusion (Law on Denunciations 2018, Art. 33)", () => {
    const s = run({ kind: DENUNCIATION }, [accept, "2019-03-02"], [verify, "2019-03-03"]);
    assert.equal(apply(s, withdraw, "2019-03-04").status, S.WITHDRAWN);
    const concluded = apply(s, uphold, "2019-03-04");
    refused(() => apply(concluded, withdraw, "2019-03-05"), "ILLEGAL_TRANSITION");
  });

  it("lets a denunciation go on when part is withdrawn, others keep it, or the handler must continue", () => {
    const s = run({ kind: DENUNCIATION }, [accept, "2019-03-02"]);
    for (const flag of ["partOnly", "otherDenouncersContinue", "handlerContinues"] as const) {
      const w = apply(s, { type: "withdraw", inWriting: true, [flag]: true }, "2019-03-04");
      assert.deepEqual([w.status, w.lastStepOn, w.closedOn, w.dueOn], [S.ACCEPTED, "2019-03-04", null, s.dueOn], flag);
    }
  });

  it("is not open to recommendations and reflections", () => {
    for (const kind of [RECOMMENDATION, REFLECTION])
      refused(() => apply(run({ kind }), withdraw, "2019-03-02"), "ILLEGAL_TRANSITION");
  });
});
