import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "./petition-steps.fixture.js";

const FORWARD = `mutation($input: ForwardPetitionInput!) { forwardPetition(input: $input) {
  id version status dueOn closedOn forwardedTo { id } forwardedOn forwardLegalBasis forwardFollowUpDueOn forwardAnsweredOn
  isForwardOverdue allowedTransitions history { transition toStatus note } } }`;
const ANSWER = `mutation($input: RecordForwardingAnswerInput!) { recordForwardingAnswer(input: $input) {
  id version status forwardAnsweredOn isForwardOverdue history { transition fromStatus toStatus occurredOn } } }`;
const STATS = `{ petitionStatistics(unitCode: "30280", from: "2020-01-01", to: "2020-12-31") { forwarded forwardAnswered forwardOverdue } }`;
const QUEUE = `{ petitions(unitCode: "30280", forwardOverdue: true, first: 100) { totalCount edges { node { id } } } }`;

describe("forwardPetition and recordForwardingAnswer (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit } = petitionSteps(() => h);
  const run = (q: string, input: Record<string, unknown>, identity = officerOf("883"), language: "en" | "vi" = "en") =>
    h.run(q, { identity, variables: { input }, language });
  const stats = async () =>
    (await h.run(STATS, { identity: officerOf("883") })).data!.petitionStatistics as Record<string, number>;

  it("forwards to the body as a recorded step to FORWARDED, once per key, with a follow-up date and a screened note", async () => {
    const before = await stats();
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const input = {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-04",
      toBodyId: "UBND-883",
      legalBasis: "Law on Denunciations 2018, Art. 12–13",
      note: "Chuyển theo yêu cầu của ông Phan Văn Bí Mật, 0912 345 678",
      idempotencyKey: "forward-key-0001",
    };
    const a = await run(FORWARD, input);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const again = await run(FORWARD, input);
    assert.deepEqual(again.data, a.data, "a retry with the key returns the first answer");
    const p = a.data!.forwardPetition as Record<string, unknown> & { history: { transition: string; note: string }[] };
    assert.equal(p.status, "FORWARDED");
    assert.equal(p.version, 2);
    assert.equal(p.dueOn, null);
    assert.equal(p.closedOn, "2020-03-04");
    assert.deepEqual(p.forwardedTo, { id: "UBND-883" });
    assert.equal(p.forwardLegalBasis, "Law on Denunciations 2018, Art. 12–13");
    // 2020-03-04 + 30 = 2020-04-03 (Fri).
    assert.equal(p.forwardFollowUpDueOn, "2020-04-03");
    assert.equal(p.isForwardOverdue, true, "no answer long after the follow-up date");
    assert.deepEqual(p.allowedTransitions, []);
    const last = p.history.at(-1)!;
    assert.equal(last.transition, "forward");
    assert.equal(last.note.includes("Bí Mật") || last.note.includes("345"), false, last.note);
    const queue = (await h.run(QUEUE, { identity: officerOf("883") })).data!.petitions as {
      edges: { node: { id: string } }[];
    };
    assert.ok(
      queue.edges.some((e) => e.node.id === id),
      "in the follow-up queue",
    );
    const mid = await stats();
    assert.equal(mid.forwarded, before.forwarded + 1);
    assert.equal(mid.forwardOverdue, before.forwardOverdue + 1);

    const answer = await run(ANSWER, { petitionId: id, expectedVersion: 2, on: "2020-03-20" });
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    const ans = answer.data!.recordForwardingAnswer as Record<string, unknown> & { history: unknown[] };
    assert.deepEqual(
      [ans.status, ans.version, ans.forwardAnsweredOn, ans.isForwardOverdue],
      ["FORWARDED", 3, "2020-03-20", false],
    );
    assert.deepEqual(ans.history.at(-1), {
      transition: "forwardingAnswer",
      fromStatus: "FORWARDED",
      toStatus: "FORWARDED",
      occurredOn: "2020-03-20",
    });
    const queueAfter = (await h.run(QUEUE, { identity: officerOf("883") })).data!.petitions as {
      edges: { node: { id: string } }[];
    };
    assert.equal(
      queueAfter.edges.some((e) => e.node.id === id),
      false,
      "answered: out of the queue",
    );
    const end = await stats();
    assert.equal(end.forwardAnswered, before.forwardAnswered + 1);
    assert.equal(end.forwardOverdue, before.forwardOverdue);
    const twice = await run(ANSWER, { petitionId: id, expectedVersion: 3, on: "2020-03-21" });
    assert.equal(twice.errors?.[0].extensions?.code, "CONFLICT");
  });

  it("refuses a body that does not exist, a stale version, a status it cannot leave, and outsiders", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const base = {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-04",
      legalBasis: "Law on Complaints 2011, Art. 17",
    };
    for (const [toBodyId, lang] of [
      ["TAND-30280", "en"],
      ["XYZ-883", "vi"],
    ] as const) {
      const r = await run(FORWARD, { ...base, toBodyId }, officerOf("883"), lang);
      assert.equal(r.errors?.[0].extensions?.code, "BAD_USER_INPUT");
      const fields = r.errors?.[0].extensions?.fields as { path: string }[];
      assert.equal(fields[0]!.path, "input.toBodyId");
      assert.equal(JSON.stringify(r.errors).includes(toBodyId), false, "never echoes the value");
    }
    const stale = await run(FORWARD, { ...base, toBodyId: "TTR-883", expectedVersion: 7 });
    assert.equal(stale.errors?.[0].extensions?.code, "CONFLICT");
    const outsider = await run(FORWARD, { ...base, toBodyId: "TTR-883" }, officerOf("884"));
    assert.equal(outsider.errors?.[0].extensions?.code, "FORBIDDEN");
    const analyst = await run(FORWARD, { ...base, toBodyId: "TTR-883" }, ANALYST);
    assert.equal(analyst.errors?.[0].extensions?.code, "FORBIDDEN");
    const notForwarded = await run(ANSWER, { petitionId: id, expectedVersion: 1, on: "2020-03-05" });
    assert.equal((notForwarded.errors?.[0].extensions?.fields as { path: string }[])[0]!.path, "input.petitionId");
    const accepted = await run(`mutation($input: AcceptPetitionInput!) { acceptPetition(input: $input) { version } }`, {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-04",
    });
    assert.equal(accepted.errors, undefined);
    const late = await run(FORWARD, { ...base, expectedVersion: 2, toBodyId: "TTR-883" });
    assert.equal(late.errors?.[0].extensions?.code, "CONFLICT", "an accepted case is the Front's own");
  });
});
