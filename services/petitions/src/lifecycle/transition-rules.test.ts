import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { dueOn } from "../deadlines/due-dates.js";
import { petitionsMessage } from "../messages.js";
import { kindName, statusName, stepName } from "./names.js";
import { apply } from "./apply.js";
import { ResolutionOutcome } from "./outcomes.js";
import { Complexity, isOpen, PetitionKind, PetitionStatus } from "./petition-enums.js";
import { receive, type PetitionState } from "./petition-state.js";
import { NotProcessableReason, RefusalReason } from "./refusal-reasons.js";
import { PetitionRuleError } from "./rule-error.js";
import { allowedTransitions, TRANSITION_TYPES, type Transition, type TransitionType } from "./transition-rules.js";

const S = PetitionStatus;
const ALL_STATUSES = Object.values(PetitionStatus);
const ALL_KINDS = Object.values(PetitionKind);

/** The 2025 reorganisation: every open status of every kind, the status unchanged (a system step). */
const REORGANISE: [TransitionType, PetitionStatus, PetitionStatus][] = [
  ["reorganise", S.RECEIVED, S.RECEIVED],
  ["reorganise", S.ACCEPTED, S.ACCEPTED],
  ["reorganise", S.UNDER_VERIFICATION, S.UNDER_VERIFICATION],
];
/** The day each step is taken on in the matrix: the reorganisation's own day for it. */
const dayOf = (type: TransitionType) => (type === "reorganise" ? "2025-07-01" : "2019-03-10");

/** Every move the product allows, per kind, written out by hand: [transition, from, to]. */
const ALLOWED: Record<PetitionKind, [TransitionType, PetitionStatus, PetitionStatus][]> = {
  COMPLAINT: [
    ["accept", S.RECEIVED, S.ACCEPTED],
    ["refuseAcceptance", S.RECEIVED, S.NOT_ACCEPTED],
    ["forward", S.RECEIVED, S.FORWARDED],
    ["startVerification", S.ACCEPTED, S.UNDER_VERIFICATION],
    ["resolve", S.UNDER_VERIFICATION, S.RESOLVED],
    ["withdraw", S.RECEIVED, S.WITHDRAWN],
    ["withdraw", S.ACCEPTED, S.WITHDRAWN],
    ["withdraw", S.UNDER_VERIFICATION, S.WITHDRAWN],
    ...REORGANISE,
  ],
  DENUNCIATION: [
    ["accept", S.RECEIVED, S.ACCEPTED],
    ["refuseAcceptance", S.RECEIVED, S.NOT_ACCEPTED],
    ["forward", S.RECEIVED, S.FORWARDED],
    ["markNotProcessable", S.RECEIVED, S.NOT_PROCESSED_AS_DENUNCIATION],
    ["startVerification", S.ACCEPTED, S.UNDER_VERIFICATION],
    ["extendDeadline", S.ACCEPTED, S.ACCEPTED],
    ["extendDeadline", S.UNDER_VERIFICATION, S.UNDER_VERIFICATION],
    ["resolve", S.UNDER_VERIFICATION, S.RESOLVED],
    ["withdraw", S.RECEIVED, S.WITHDRAWN],
    ["withdraw", S.ACCEPTED, S.WITHDRAWN],
    ["withdraw", S.UNDER_VERIFICATION, S.WITHDRAWN],
    ["referForInspection", S.NOT_PROCESSED_AS_DENUNCIATION, S.REFERRED_FOR_INSPECTION],
    ["referForInspection", S.NOT_ACCEPTED, S.REFERRED_FOR_INSPECTION],
    ...REORGANISE,
  ],
  RECOMMENDATION: [
    ["accept", S.RECEIVED, S.ACCEPTED],
    ["refuseAcceptance", S.RECEIVED, S.NOT_ACCEPTED],
    ["forward", S.RECEIVED, S.FORWARDED],
    ["startVerification", S.ACCEPTED, S.UNDER_VERIFICATION],
    ["resolve", S.ACCEPTED, S.RESOLVED],
    ["resolve", S.UNDER_VERIFICATION, S.RESOLVED],
    ...REORGANISE,
  ],
  REFLECTION: [
    ["accept", S.RECEIVED, S.ACCEPTED],
    ["refuseAcceptance", S.RECEIVED, S.NOT_ACCEPTED],
    ["forward", S.RECEIVED, S.FORWARDED],
    ["startVerification", S.ACCEPTED, S.UNDER_VERIFICATION],
    ["resolve", S.ACCEPTED, S.RESOLVED],
    ["resolve", S.UNDER_VERIFICATION, S.RESOLVED],
    ...REORGANISE,
  ],
};

/**
 * A petition of `kind` standing in `status`, built field by field (not through `apply`, so the
 * matrix does not test apply with itself). Denunciations are especially complex, so that an
 * extension is available; every step so far is dated 2019-03-10 at the latest.
 */
function stateIn(kind: PetitionKind, status: PetitionStatus): PetitionState {
  const received = receive(
    {
      kind,
      isRemoteArea: false,
      complexity: kind === PetitionKind.DENUNCIATION ? Complexity.ESPECIALLY_COMPLEX : undefined,
    },
    "2019-03-01",
  );
  const accepted = [S.ACCEPTED, S.UNDER_VERIFICATION, S.RESOLVED].includes(status);
  const s: PetitionState = {
    ...received,
    status,
    acceptedOn: accepted ? "2019-03-05" : null,
    lastStepOn: "2019-03-10",
    closedOn: isOpen(status) ? null : "2019-03-10",
    refusalReason: status === S.NOT_ACCEPTED ? RefusalReason.NOT_WITHIN_COMPETENCE : null,
    notProcessableReason: status === S.NOT_PROCESSED_AS_DENUNCIATION ? NotProcessableReason.ANONYMOUS : null,
    outcome: status === S.RESOLVED ? ResolutionOutcome.UPHELD : null,
  };
  return { ...s, dueOn: dueOn(s) };
}

/** A well-formed input for each transition, right for the kind. */
function inputFor(kind: PetitionKind, type: TransitionType): Transition {
  const disputes = kind === PetitionKind.COMPLAINT || kind === PetitionKind.DENUNCIATION;
  const inputs: { [T in TransitionType]: Extract<Transition, { type: T }> } = {
    receive: { type: "receive" },
    accept: { type: "accept" },
    refuseAcceptance: { type: "refuseAcceptance", reason: RefusalReason.NOT_WITHIN_COMPETENCE },
    markNotProcessable: { type: "markNotProcessable", reason: NotProcessableReason.ANONYMOUS },
    startVerification: { type: "startVerification" },
    extendDeadline: { type: "extendDeadline", days: 30 },
    resolve: { type: "resolve", outcome: disputes ? ResolutionOutcome.UPHELD : ResolutionOutcome.ANSWERED },
    withdraw: { type: "withdraw", inWriting: true },
    referForInspection: { type: "referForInspection", contentIsConcrete: true },
    forward: { type: "forward" },
    reorganise: { type: "reorganise" },
  };
  return inputs[type];
}

describe("petition state machine: every kind × status × transition", () => {
  for (const kind of ALL_KINDS) {
    const allowed = new Map(ALLOWED[kind].map(([t, from, to]) => [`${t}:${from}`, to]));
    for (const status of ALL_STATUSES) {
      for (const type of TRANSITION_TYPES) {
        const to = allowed.get(`${type}:${status}`);
        if (to !== undefined) {
          it(`${kind}: ${type} takes ${status} to ${to}`, () => {
            const next = apply(stateIn(kind, status), inputFor(kind, type), dayOf(type));
            assert.equal(next.status, to);
            assert.equal(next.lastStepOn, dayOf(type));
          });
        } else {
          it(`${kind}: ${type} is refused from ${status} (ILLEGAL_TRANSITION)`, () => {
            assert.throws(
              () => apply(stateIn(kind, status), inputFor(kind, type), dayOf(type)),
              (e: unknown) =>
                e instanceof PetitionRuleError &&
                e.code === "ILLEGAL_TRANSITION" &&
                e.clientCode === "CONFLICT" &&
                e.details.transition === type &&
                e.details.status === status &&
                isDeepStrictEqual(
                  e.summary,
                  petitionsMessage("illegalTransition", {
                    kind: kindName(kind),
                    status: statusName(status),
                    transition: stepName(type),
                  }),
                ),
            );
          });
        }
      }
      it(`${kind} ${status}: offers exactly the allowed transitions (never the system's)`, () => {
        const expected = TRANSITION_TYPES.filter((t) => t !== "reorganise" && allowed.has(`${t}:${status}`));
        assert.deepEqual(allowedTransitions(stateIn(kind, status)), expected);
      });
    }
  }

  it("covers 4 kinds × 9 statuses × 11 transitions, 45 of them allowed", () => {
    assert.equal(ALL_KINDS.length * ALL_STATUSES.length * TRANSITION_TYPES.length, 396);
    assert.equal(Object.values(ALLOWED).flat().length, 45);
  });

  it("leaves every final status with no way out but referral for inspection", () => {
    for (const kind of ALL_KINDS) {
      for (const status of [S.RESOLVED, S.WITHDRAWN, S.REFERRED_FOR_INSPECTION, S.FORWARDED]) {
        assert.deepEqual(allowedTransitions(stateIn(kind, status)), [], `${kind} ${status}`);
      }
    }
  });
});
