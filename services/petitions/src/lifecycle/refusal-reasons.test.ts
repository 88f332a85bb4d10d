import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isOverdue } from "../deadlines/overdue.js";
import { apply } from "./apply.js";
import { PetitionKind, PetitionStatus } from "./petition-enums.js";
import { accept, refused, run } from "./petition-scenario.fixture.js";
import { NotProcessableReason, REFUSAL_REASONS, RefusalReason } from "./refusal-reasons.js";
import { allowedTransitions, type Transition } from "./transition-rules.js";

const { COMPLAINT, DENUNCIATION } = PetitionKind;
const S = PetitionStatus;

describe("refusing acceptance", () => {
  it("takes each coded reason for the kinds its article covers, and refuses it for the others", () => {
    for (const reason of Object.values(RefusalReason)) {
      const { appliesTo, law } = REFUSAL_REASONS[reason];
      assert.ok(appliesTo.length > 0 && /Art\. \d+/.test(law), reason);
      for (const kind of Object.values(PetitionKind)) {
        const go = () => apply(run({ kind }), { type: "refuseAcceptance", reason }, "2019-03-02");
        if (appliesTo.includes(kind)) {
          const s = go();
          assert.deepEqual([s.status, s.refusalReason, s.dueOn], [S.NOT_ACCEPTED, reason, null]);
        } else refused(go, "INVALID_TRANSITION_INPUT", "reason");
      }
    }
  });
});

describe("anonymous or impersonated denunciations (Law on Denunciations 2018, Art. 25)", () => {
  const anonymous = () =>
    run({ kind: DENUNCIATION }, [{ type: "markNotProcessable", reason: NotProcessableReason.ANONYMOUS }, "2019-03-03"]);

  it("are not processed as denunciations: own status, no deadline, never overdue", () => {
    const s = anonymous();
    assert.deepEqual(
      [s.status, s.notProcessableReason, s.dueOn, s.closedOn],
      [S.NOT_PROCESSED_AS_DENUNCIATION, NotProcessableReason.ANONYMOUS, null, "2019-03-03"],
    );
    assert.equal(isOverdue(s, "2020-01-01"), false);
    assert.deepEqual(allowedTransitions(s), ["referForInspection"]);
    refused(() => apply(s, accept, "2019-03-04"), "ILLEGAL_TRANSITION");
  });

  it("may be referred for inspection when the content is concrete, not otherwise", () => {
    const referred = apply(anonymous(), { type: "referForInspection", contentIsConcrete: true }, "2019-03-05");
    assert.deepEqual(
      [referred.status, referred.closedOn, referred.dueOn],
      [S.REFERRED_FOR_INSPECTION, "2019-03-05", null],
    );
    refused(
      () => apply(anonymous(), { type: "referForInspection", contentIsConcrete: false }, "2019-03-05"),
      "REFERRAL_NOT_ALLOWED",
    );
  });

  it("cover every case of Art. 25(1), and only denunciations", () => {
    for (const reason of Object.values(NotProcessableReason)) {
      const s = run({ kind: DENUNCIATION }, [{ type: "markNotProcessable", reason }, "2019-03-02"]);
      assert.equal(s.notProcessableReason, reason);
    }
    refused(
      () =>
        apply(
          run({ kind: COMPLAINT }),
          { type: "markNotProcessable", reason: NotProcessableReason.IMPERSONATED },
          "2019-03-02",
        ),
      "ILLEGAL_TRANSITION",
    );
  });

  it("are marked not processable rather than refused; an anonymous complaint is refused", () => {
    const refuseAnonymous: Transition = { type: "refuseAcceptance", reason: RefusalReason.ANONYMOUS_OR_IMPERSONATED };
    refused(
      () => apply(run({ kind: DENUNCIATION }), refuseAnonymous, "2019-03-02"),
      "INVALID_TRANSITION_INPUT",
      "reason",
    );
    assert.equal(apply(run({ kind: COMPLAINT }), refuseAnonymous, "2019-03-02").status, S.NOT_ACCEPTED);
  });

  it("a refused denunciation may be referred too, unless refused for want of concrete content", () => {
    const refuse = (reason: RefusalReason) =>
      run({ kind: DENUNCIATION }, [{ type: "refuseAcceptance", reason }, "2019-03-02"]);
    const outOfCompetence = refuse(RefusalReason.NOT_WITHIN_COMPETENCE);
    assert.equal(
      apply(outOfCompetence, { type: "referForInspection", contentIsConcrete: true }, "2019-03-03").status,
      S.REFERRED_FOR_INSPECTION,
    );
    const vague = refuse(RefusalReason.NOT_CONCRETE);
    assert.deepEqual(allowedTransitions(vague), []);
    refused(
      () => apply(vague, { type: "referForInspection", contentIsConcrete: true }, "2019-03-03"),
      "REFERRAL_NOT_ALLOWED",
    );
    const complaint = run({ kind: COMPLAINT }, [
      { type: "refuseAcceptance", reason: RefusalReason.OUT_OF_TIME_LIMIT },
      "2019-03-02",
    ]);
    refused(
      () => apply(complaint, { type: "referForInspection", contentIsConcrete: true }, "2019-03-03"),
      "ILLEGAL_TRANSITION",
    );
  });
});
