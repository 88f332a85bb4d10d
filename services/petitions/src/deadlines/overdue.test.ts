import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../lifecycle/petition-enums.js";
import type { DeadlineFacts } from "./due-dates.js";
import { isNearOverdue, isOverdue } from "./overdue.js";

const { RECEIVED, ACCEPTED, UNDER_VERIFICATION, RESOLVED, WITHDRAWN, NOT_ACCEPTED } = PetitionStatus;

function petition(
  over: Partial<DeadlineFacts & { status: PetitionStatus }>,
): DeadlineFacts & { status: PetitionStatus } {
  const kind = over.kind ?? PetitionKind.COMPLAINT;
  return {
    kind,
    round: kind === PetitionKind.COMPLAINT ? ComplaintRound.FIRST : null,
    complexity: Complexity.NORMAL,
    isRemoteArea: false,
    receivedOn: "2019-02-25",
    acceptedOn: "2019-03-04", // first-round complaint: 30 days → Wed 2019-04-03
    extensionsUsed: 0,
    status: ACCEPTED,
    ...over,
  };
}

describe("overdue", () => {
  it("is not overdue on the due day itself, and is the day after", () => {
    for (const status of [ACCEPTED, UNDER_VERIFICATION]) {
      const p = petition({ status });
      assert.equal(isOverdue(p, "2019-04-02"), false, status);
      assert.equal(isOverdue(p, "2019-04-03"), false, status);
      assert.equal(isOverdue(p, "2019-04-04"), true, status);
    }
  });

  it("holds a RECEIVED petition to its acceptance deadline (10 days after receipt)", () => {
    const p = petition({ status: RECEIVED, receivedOn: "2019-03-01", acceptedOn: null });
    assert.equal(isOverdue(p, "2019-03-11"), false);
    assert.equal(isOverdue(p, "2019-03-12"), true);
    const rec = petition({
      kind: PetitionKind.RECOMMENDATION,
      status: RECEIVED,
      receivedOn: "2019-03-01",
      acceptedOn: null,
    });
    // 10 working days: 4–8 and 11–15 March.
    assert.equal(isOverdue(rec, "2019-03-15"), false);
    assert.equal(isOverdue(rec, "2019-03-16"), true);
  });

  it("reads the stored due date when the petition carries one (counted with the server's declared days)", () => {
    const p = { ...petition({}), dueOn: "2019-04-05" };
    assert.equal(isOverdue(p, "2019-04-05"), false);
    assert.equal(isOverdue(p, "2019-04-06"), true);
    assert.equal(isOverdue({ ...p, dueOn: null }, "2030-01-01"), false);
  });

  it("is never overdue once closed: resolved, withdrawn, refused", () => {
    for (const status of [RESOLVED, WITHDRAWN, NOT_ACCEPTED]) {
      assert.equal(isOverdue(petition({ status }), "2020-01-01"), false, status);
    }
  });

  it("is never overdue where the law sets no time limit (an accepted recommendation or reflection)", () => {
    for (const kind of [PetitionKind.RECOMMENDATION, PetitionKind.REFLECTION]) {
      assert.equal(isOverdue(petition({ kind }), "2020-01-01"), false, kind);
    }
  });

  it("follows the remote-area and complex limits and the denunciation extensions", () => {
    const remoteComplex = petition({ isRemoteArea: true, complexity: Complexity.COMPLEX }); // 60 days: Fri 2019-05-03
    assert.equal(isOverdue(remoteComplex, "2019-05-03"), false);
    assert.equal(isOverdue(remoteComplex, "2019-05-04"), true);
    const extended = petition({ kind: PetitionKind.DENUNCIATION, complexity: Complexity.COMPLEX, extensionsUsed: 1 });
    assert.equal(isOverdue(extended, "2019-05-03"), false);
    assert.equal(isOverdue(extended, "2019-05-04"), true);
  });
});

describe("near overdue", () => {
  const p = petition({}); // due 2019-04-03

  it("is due within 5 days by default, the due day included", () => {
    assert.equal(isNearOverdue(p, "2019-03-28"), false, "6 days left");
    assert.equal(isNearOverdue(p, "2019-03-29"), true, "5 days left");
    assert.equal(isNearOverdue(p, "2019-04-03"), true, "due today");
    assert.equal(isNearOverdue(p, "2019-04-04"), false, "already overdue");
  });

  it("takes another window", () => {
    assert.equal(isNearOverdue(p, "2019-04-02", 0), false);
    assert.equal(isNearOverdue(p, "2019-04-03", 0), true);
    assert.equal(isNearOverdue(p, "2019-03-24", 10), true);
    assert.throws(() => isNearOverdue(p, "2019-03-21", -1), RangeError);
  });

  it("is never near overdue once closed or with no time limit", () => {
    assert.equal(isNearOverdue(petition({ status: RESOLVED }), "2019-04-03"), false);
    assert.equal(isNearOverdue(petition({ status: WITHDRAWN }), "2019-04-03"), false);
    assert.equal(isNearOverdue(petition({ kind: PetitionKind.REFLECTION }), "2019-04-03"), false);
  });

  it("applies to the acceptance deadline of a RECEIVED petition", () => {
    const received = petition({ status: RECEIVED, receivedOn: "2019-03-01", acceptedOn: null }); // due 2019-03-11
    assert.equal(isNearOverdue(received, "2019-03-05"), false);
    assert.equal(isNearOverdue(received, "2019-03-06"), true);
  });
});
