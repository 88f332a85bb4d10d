import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { apply } from "./apply.js";
import { ResolutionOutcome } from "./outcomes.js";
import { Complexity, PetitionKind, PetitionStatus } from "./petition-enums.js";
import { accept, extend, refused, run, verify } from "./petition-scenario.fixture.js";
import { receive } from "./petition-state.js";
import { allowedTransitions, TRANSITION_RULES } from "./transition-rules.js";

const reorganise = { type: "reorganise" } as const;

describe("reorganise: a petition open at the 2025 reorganisation", () => {
  it("keeps the status, the deadlines and the extensions; only the day of the last step moves", () => {
    const before = run(
      { kind: PetitionKind.DENUNCIATION, complexity: Complexity.ESPECIALLY_COMPLEX },
      [accept, "2019-03-05"],
      [verify, "2019-03-08"],
      [extend, "2019-03-20"],
    );
    const after = apply(before, reorganise, "2025-07-01");
    assert.deepEqual(after, { ...before, lastStepOn: "2025-07-01" });
    assert.equal(after.status, PetitionStatus.UNDER_VERIFICATION);
    assert.equal(after.extensionsUsed, 1);
  });

  it("is dated 2025-07-01 only, never backwards, and only for a petition received before", () => {
    const open = run({ kind: PetitionKind.COMPLAINT });
    refused(() => apply(open, reorganise, "2025-07-02"), "INVALID_TRANSITION_INPUT", "on");
    refused(() => apply(open, reorganise, "2019-02-01"), "DATE_OUT_OF_ORDER", "on");
    const newMap = receive({ kind: PetitionKind.COMPLAINT, isRemoteArea: false }, "2025-07-01");
    refused(() => apply(newMap, reorganise, "2025-07-01"), "ILLEGAL_TRANSITION");
    const closed = run(
      { kind: PetitionKind.REFLECTION },
      [accept, "2019-03-02"],
      [{ type: "resolve", outcome: ResolutionOutcome.ANSWERED }, "2019-03-04"],
    );
    refused(() => apply(closed, reorganise, "2025-07-01"), "ILLEGAL_TRANSITION");
  });

  it("is the system's step with its legal basis, never offered to a client", () => {
    assert.equal(TRANSITION_RULES.reorganise.bySystem, true);
    assert.match(TRANSITION_RULES.reorganise.law, /1654\/NQ-UBTVQH15/);
    assert.match(TRANSITION_RULES.reorganise.law, /202\/2025\/QH15/);
    assert.equal(allowedTransitions(run({ kind: PetitionKind.COMPLAINT })).includes("reorganise"), false);
  });
});
