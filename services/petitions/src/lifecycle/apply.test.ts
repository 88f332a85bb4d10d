import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { translate } from "@danvan/kit/i18n";
import { apply } from "./apply.js";
import { OUTCOMES_BY_KIND, ResolutionOutcome } from "./outcomes.js";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "./petition-enums.js";
import { accept, extend, refused, run, uphold, verify, withdraw } from "./petition-scenario.fixture.js";
import { receive } from "./petition-state.js";
import { RefusalReason } from "./refusal-reasons.js";
import { PetitionRuleError } from "./rule-error.js";
import { allowedTransitions } from "./transition-rules.js";

const { COMPLAINT, DENUNCIATION, RECOMMENDATION, REFLECTION } = PetitionKind;
const S = PetitionStatus;

describe("receive", () => {
  it("creates a RECEIVED petition held to the acceptance deadline", () => {
    const s = receive({ kind: COMPLAINT, isRemoteArea: true }, "2019-03-01");
    assert.equal(s.status, S.RECEIVED);
    assert.equal(s.round, ComplaintRound.FIRST, "complaints default to the first round");
    assert.equal(s.complexity, Complexity.NORMAL);
    assert.equal(s.dueOn, "2019-03-11");
    assert.deepEqual(allowedTransitions(s), ["accept", "refuseAcceptance", "withdraw", "forward"]);
  });

  it("gives a round to complaints only, and needs a real date", () => {
    assert.equal(receive({ kind: REFLECTION, isRemoteArea: false }, "2019-03-01").round, null);
    refused(
      () => receive({ kind: DENUNCIATION, round: ComplaintRound.SECOND, isRemoteArea: false }, "2019-03-01"),
      "INVALID_TRANSITION_INPUT",
      "round",
    );
    refused(() => receive({ kind: COMPLAINT, isRemoteArea: false }, "2019-02-30"), "DATE_OUT_OF_ORDER", "on");
  });

  it("refuses a receipt before the deadline table's acts (NO_RULE_IN_FORCE, on the date)", () => {
    refused(() => receive({ kind: COMPLAINT, isRemoteArea: false }, "2012-06-30"), "NO_RULE_IN_FORCE", "on");
    assert.equal(receive({ kind: COMPLAINT, isRemoteArea: false }, "2012-07-01").acceptanceDueOn, "2012-07-11");
  });

  it("is never a move of an existing petition", () => {
    refused(() => apply(run({ kind: COMPLAINT }), { type: "receive" }, "2019-03-02"), "ILLEGAL_TRANSITION");
  });
});

describe("a complaint through its life", () => {
  it("runs RECEIVED → ACCEPTED → UNDER_VERIFICATION → RESOLVED with the remote and complex limit", () => {
    let s = receive({ kind: COMPLAINT, round: ComplaintRound.SECOND, isRemoteArea: true }, "2019-03-01");
    s = apply(s, { type: "accept", complexity: Complexity.COMPLEX }, "2019-03-08");
    assert.deepEqual(
      [s.status, s.acceptedOn, s.complexity, s.dueOn],
      [S.ACCEPTED, "2019-03-08", Complexity.COMPLEX, "2019-05-17"],
    );
    s = apply(s, verify, "2019-03-15");
    assert.equal(s.status, S.UNDER_VERIFICATION);
    s = apply(s, { type: "resolve", outcome: ResolutionOutcome.PARTLY_UPHELD }, "2019-05-10");
    assert.deepEqual(
      [s.status, s.outcome, s.closedOn, s.dueOn],
      [S.RESOLVED, ResolutionOutcome.PARTLY_UPHELD, "2019-05-10", "2019-05-17"],
    );
  });

  it("refuses a step dated before the previous one, and allows the same day", () => {
    refused(() => apply(run({ kind: COMPLAINT }), accept, "2019-02-28"), "DATE_OUT_OF_ORDER", "on");
    const accepted = run({ kind: COMPLAINT }, [accept, "2019-03-05"]);
    refused(() => apply(accepted, verify, "2019-03-04"), "DATE_OUT_OF_ORDER", "on");
    const verifying = apply(accepted, verify, "2019-03-05");
    refused(() => apply(verifying, uphold, "2019-03-04"), "DATE_OUT_OF_ORDER", "on");
    refused(() => apply(verifying, withdraw, "2019-03-01"), "DATE_OUT_OF_ORDER", "on");
    refused(() => apply(verifying, uphold, "2019-3-6"), "DATE_OUT_OF_ORDER", "on");
    assert.equal(apply(verifying, uphold, "2019-03-05").status, S.RESOLVED);
  });

  it("reports an illegal move before a bad date", () => {
    refused(() => apply(run({ kind: COMPLAINT }), uphold, "2019-01-01"), "ILLEGAL_TRANSITION");
  });

  it("accepts late without refusing: the delay shows as overdue, the fact is recorded", () => {
    const s = run({ kind: COMPLAINT }, [accept, "2019-03-20"]);
    assert.equal(s.acceptedOn, "2019-03-20");
    assert.equal(s.dueOn, "2019-04-19");
  });
});

describe("denunciation extensions (Law on Denunciations 2018, Art. 30; 2011, Art. 21)", () => {
  const denunciation = (complexity: Complexity) => run({ kind: DENUNCIATION, complexity }, [accept, "2019-03-01"]);

  it("allows none for a normal case: 30 days (Sun 31/3 rolled over to Mon 1/4)", () => {
    const s = denunciation(Complexity.NORMAL);
    assert.equal(s.dueOn, "2019-04-01");
    assert.deepEqual(allowedTransitions(s), ["startVerification", "withdraw"]);
    refused(() => apply(s, extend, "2019-03-10"), "EXTENSION_NOT_ALLOWED");
  });

  it("allows one for a complex case and refuses the second: 60 days at most", () => {
    const once = apply(denunciation(Complexity.COMPLEX), extend, "2019-03-10");
    // 60 days → Tue 30/4, then 1/5: Thu 2/5.
    assert.deepEqual([once.extensionsUsed, once.extendedDays, once.dueOn], [1, 30, "2019-05-02"]);
    refused(() => apply(once, extend, "2019-03-11"), "EXTENSION_NOT_ALLOWED");
  });

  it("allows two for an especially complex case and refuses the third: 90 days at most", () => {
    const once = apply(denunciation(Complexity.ESPECIALLY_COMPLEX), extend, "2019-03-10");
    const twice = apply(apply(once, verify, "2019-03-12"), extend, "2019-04-01");
    assert.deepEqual([twice.status, twice.extensionsUsed, twice.dueOn], [S.UNDER_VERIFICATION, 2, "2019-05-30"]);
    assert.equal(allowedTransitions(twice).includes("extendDeadline"), false);
    refused(() => apply(twice, extend, "2019-04-02"), "EXTENSION_NOT_ALLOWED");
  });

  it("grants 1 to 30 days per extension", () => {
    const s = denunciation(Complexity.COMPLEX);
    assert.equal(apply(s, { type: "extendDeadline", days: 10 }, "2019-03-10").dueOn, "2019-04-10");
    for (const days of [0, 31, 2.5])
      refused(() => apply(s, { type: "extendDeadline", days }, "2019-03-10"), "INVALID_TRANSITION_INPUT", "days");
  });

  it("must be decided by the deadline: on the due day, not after", () => {
    const s = denunciation(Complexity.COMPLEX);
    assert.equal(apply(s, extend, "2019-04-01").dueOn, "2019-05-02");
    refused(() => apply(s, extend, "2019-04-02"), "EXTENSION_NOT_ALLOWED");
  });

  it("gives a denunciation received under the 2011 law one extension, of up to 60 days when complex", () => {
    const received = receive({ kind: DENUNCIATION, complexity: Complexity.COMPLEX, isRemoteArea: false }, "2018-06-01");
    const accepted = apply(received, accept, "2018-06-05");
    assert.equal(accepted.dueOn, "2018-09-04"); // 90 days → Mon 3/9/2018, National Day (Sun 2/9) taken then → Tue 4/9
    const once = apply(accepted, extend, "2018-08-01");
    assert.deepEqual([once.extendedDays, once.dueOn], [60, "2018-11-02"]);
    refused(() => apply(once, extend, "2018-08-02"), "EXTENSION_NOT_ALLOWED");
    refused(
      () => apply(accepted, { type: "extendDeadline", days: 61 }, "2018-08-01"),
      "INVALID_TRANSITION_INPUT",
      "days",
    );
  });

  it("is never open to complaints, recommendations or reflections", () => {
    for (const kind of [COMPLAINT, RECOMMENDATION, REFLECTION]) {
      const s = run({ kind, complexity: Complexity.ESPECIALLY_COMPLEX }, [accept, "2019-03-02"]);
      refused(() => apply(s, extend, "2019-03-03"), "ILLEGAL_TRANSITION");
    }
  });
});

describe("resolving", () => {
  it("ends each kind only with its own outcomes", () => {
    for (const kind of Object.values(PetitionKind)) {
      for (const outcome of Object.values(ResolutionOutcome)) {
        const verifying = run({ kind }, [accept, "2019-03-02"], [verify, "2019-03-03"]);
        const go = () => apply(verifying, { type: "resolve", outcome }, "2019-03-04");
        if (OUTCOMES_BY_KIND[kind].includes(outcome)) assert.equal(go().outcome, outcome);
        else refused(go, "INVALID_TRANSITION_INPUT", "outcome");
      }
    }
  });

  it("answers a recommendation or reflection without verification; it has no time limit to miss", () => {
    for (const kind of [RECOMMENDATION, REFLECTION]) {
      const accepted = run({ kind }, [accept, "2019-03-02"]);
      assert.equal(accepted.dueOn, null);
      const answered = apply(accepted, { type: "resolve", outcome: ResolutionOutcome.ANSWERED }, "2019-06-01");
      assert.deepEqual([answered.status, answered.outcome], [S.RESOLVED, ResolutionOutcome.ANSWERED]);
    }
  });

  it("decides a complaint or denunciation only after verification", () => {
    for (const kind of [COMPLAINT, DENUNCIATION]) {
      refused(() => apply(run({ kind }, [accept, "2019-03-02"]), uphold, "2019-03-03"), "ILLEGAL_TRANSITION");
    }
  });
});

describe("rule errors", () => {
  it("carry the client code the resolvers map them to, and name no person", () => {
    try {
      apply(run({ kind: COMPLAINT }), verify, "2019-03-02");
      assert.fail("expected a refusal");
    } catch (e) {
      assert.ok(e instanceof PetitionRuleError);
      assert.deepEqual(
        { code: e.code, clientCode: e.clientCode, details: e.details, message: e.message },
        {
          code: "ILLEGAL_TRANSITION",
          clientCode: "CONFLICT",
          details: { transition: "startVerification", status: S.RECEIVED, kind: COMPLAINT, field: undefined },
          message: "A complaint that is received cannot go to verification",
        },
      );
      assert.equal(
        translate(e.summary, "vi"),
        "Đơn khiếu nại đang ở trạng thái “đã tiếp nhận” thì không thể chuyển sang xác minh",
      );
    }
  });

  it("never quote the date, reason or outcome the caller gave, in either language", () => {
    const complaint = run({ kind: COMPLAINT }, [accept, "2019-03-05"]);
    const denunciation = run({ kind: DENUNCIATION, complexity: Complexity.COMPLEX }, [accept, "2019-03-05"]);
    const cases: [refusal: () => unknown, sent: string, field: string | undefined, vi: string][] = [
      [
        () => apply(complaint, verify, "2019-03-04"),
        "2019-03-04",
        "on",
        "không được trước ngày của bước xử lý trước đó",
      ],
      [
        () =>
          apply(
            run({ kind: COMPLAINT }),
            { type: "refuseAcceptance", reason: RefusalReason.FORM_NOT_MET },
            "2019-03-02",
          ),
        "FORM_NOT_MET",
        "reason",
        "không phải là căn cứ để không thụ lý đơn khiếu nại",
      ],
      [
        () =>
          apply(
            apply(complaint, verify, "2019-03-06"),
            { type: "resolve", outcome: ResolutionOutcome.ANSWERED },
            "2019-03-07",
          ),
        "ANSWERED",
        "outcome",
        "không phải là kết quả giải quyết phù hợp với đơn khiếu nại",
      ],
      [
        () => apply(denunciation, { type: "extendDeadline", days: 31 }, "2019-03-06"),
        "31",
        "days",
        "phải từ 1 đến 30 ngày: mỗi lần gia hạn không quá 30 ngày",
      ],
      [
        () => apply(denunciation, extend, "2019-04-05"),
        "2019-04-05",
        undefined,
        "Thời hạn giải quyết tố cáo đã hết: việc gia hạn phải được quyết định trước khi hết thời hạn (Điều 30 Luật Tố cáo 2018)",
      ],
    ];
    for (const [refusal, sent, field, vi] of cases) {
      assert.throws(refusal, (e: unknown) => {
        assert.ok(e instanceof PetitionRuleError, String(e));
        assert.equal(e.details.field, field);
        assert.equal(translate(e.summary, "vi"), vi);
        for (const text of [e.message, translate(e.summary, "en"), translate(e.summary, "vi")])
          assert.ok(!text.includes(sent), `${text} quotes ${sent}`);
        return true;
      });
    }
  });

  it("does not change the state it was given", () => {
    const s = run({ kind: DENUNCIATION, complexity: Complexity.COMPLEX }, [accept, "2019-03-02"]);
    const copy = structuredClone(s);
    apply(s, extend, "2019-03-03");
    assert.deepEqual(s, copy);
  });
});
