import { it } from "node:test";
import assert from "node:assert/strict";
import type { Message } from "@danvan/kit";
import { IllegalTransition, type StateMachine } from "@danvan/kit/rules";
import { ILLEGAL_TRANSITION, illegalMoveError } from "./lifecycle-refusals.js";

/**
 * The table tests of a lifecycle, the same for houses and models: every move the product
 * allows (`allowed`, written out by hand in the test from docs/product.md) leads where it should;
 * every other pair of state and move is refused with the kit's IllegalTransition naming both,
 * which the edge answers as CONFLICT / ILLEGAL_TRANSITION with a sentence in both languages
 * that reads as words, not codes (`notInRefusal`).
 */
export function lifecycleTableTests<S extends string, T extends string>(lifecycle: {
  machine: StateMachine<S, T>;
  states: readonly S[];
  allowed: readonly (readonly [from: S, transition: T, to: S])[];
  illegalMove: (e: IllegalTransition) => Message;
  /** How many pairs of state and move there are, and how many of them are allowed. */
  counts: { pairs: number; allowed: number };
  notInRefusal: RegExp;
}): void {
  const { machine, states, allowed } = lifecycle;
  const transitions = Object.keys(machine.table) as T[];
  const legal = new Set(allowed.map(([from, t]) => `${from}:${t}`));

  for (const [from, transition, to] of allowed) {
    it(`allows ${transition} from ${from} to ${to}`, () => assert.equal(machine.next(from, transition), to));
  }

  const refusalOf = (state: S, transition: T): IllegalTransition => {
    try {
      machine.next(state, transition);
    } catch (e) {
      assert.ok(e instanceof IllegalTransition);
      return e;
    }
    assert.fail("expected a refusal");
  };

  for (const from of states) {
    for (const transition of transitions) {
      if (legal.has(`${from}:${transition}`)) continue;
      it(`refuses ${transition} from ${from} with CONFLICT / ILLEGAL_TRANSITION`, () => {
        const e = refusalOf(from, transition);
        assert.deepEqual([e.state, e.transition], [from, transition]);
        const answer = illegalMoveError(e, lifecycle.illegalMove(e));
        assert.deepEqual(
          { code: answer.extensions.code, reason: answer.extensions.reason },
          { code: "CONFLICT", reason: ILLEGAL_TRANSITION },
        );
        assert.deepEqual([answer.extensions.currentStatus, answer.extensions.transition], [from, transition]);
      });
    }
  }

  it(`covers every state and transition: ${lifecycle.counts.allowed} allowed moves out of ${lifecycle.counts.pairs}`, () => {
    assert.equal(states.length * transitions.length, lifecycle.counts.pairs);
    assert.equal(legal.size, lifecycle.counts.allowed);
    for (const state of states) {
      const expected = transitions.filter((t) => legal.has(`${state}:${t}`));
      assert.deepEqual(machine.allowedFrom(state), expected, state);
    }
  });

  it("reads every refusal as a sentence in both languages: no enum code or transition id in it", () => {
    for (const state of states) {
      for (const transition of transitions) {
        if (legal.has(`${state}:${transition}`)) continue;
        const e = refusalOf(state, transition);
        const answer = illegalMoveError(e, lifecycle.illegalMove(e));
        for (const text of [answer.render("en").message, answer.render("vi").message]) {
          assert.doesNotMatch(text, lifecycle.notInRefusal, text);
        }
      }
    }
  });
}
