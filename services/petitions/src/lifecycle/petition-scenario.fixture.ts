import assert from "node:assert/strict";
import { apply } from "./apply.js";
import { ResolutionOutcome } from "./outcomes.js";
import type { PetitionKind } from "./petition-enums.js";
import { receive, type PetitionState, type Receipt } from "./petition-state.js";
import { PetitionRuleError, type PetitionRuleCode } from "./rule-error.js";
import type { Transition } from "./transition-rules.js";

/** Test support for the lifecycle tests: a petition received on 2019-03-01, then `steps` ([transition, date]) in order. */
export function run(
  receipt: Partial<Receipt> & { kind: PetitionKind },
  ...steps: [Transition, string][]
): PetitionState {
  return steps.reduce((s, [t, on]) => apply(s, t, on), receive({ isRemoteArea: false, ...receipt }, "2019-03-01"));
}

/** Asserts the call is refused with this rule code (and field, for BAD_USER_INPUT codes). */
export function refused(fn: () => unknown, code: PetitionRuleCode, field?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PetitionRuleError, String(e));
    assert.equal(e.code, code, e.message);
    if (field !== undefined) assert.equal(e.details.field, field);
    return true;
  });
}

export const accept: Transition = { type: "accept" };
export const verify: Transition = { type: "startVerification" };
export const extend: Transition = { type: "extendDeadline" };
export const withdraw: Transition = { type: "withdraw", inWriting: true };
export const uphold: Transition = { type: "resolve", outcome: ResolutionOutcome.UPHELD };
