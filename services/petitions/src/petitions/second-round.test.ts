import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { officerOf, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "./petition-steps.fixture.js";

const LINKS = `query($id: ID!) { petition(id: $id) { id round decisionKnownOn firstRound { id } secondRounds { id round } } }`;

describe("second-round complaints (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);
  const complaint = (over: Record<string, unknown> = {}) =>
    submit({ kind: "COMPLAINT", denouncer: null, complexity: null, receivedOn: "2020-03-02", ...over });

  async function resolvedFirstRound(): Promise<string> {
    const id = ((await complaint()).data!.submitPetition as { id: string }).id;
    for (const [i, [m, extra]] of (
      [
        ["acceptPetition", {}],
        ["startVerification", {}],
        ["resolvePetition", { outcome: "UPHELD", conclusion: "Giữ nguyên quyết định" }],
      ] as const
    ).entries()) {
      const r = await step(m, { petitionId: id, expectedVersion: i + 1, on: "2020-03-10", ...extra });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    return id;
  }

  it("links a second round to its resolved first round, both ways, its limit counted from the decision", async () => {
    const first = await resolvedFirstRound();
    const r = await complaint({ receivedOn: "2020-03-20", firstRoundPetitionId: first });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const second = (r.data!.submitPetition as { id: string }).id;
    const read = await h.run(LINKS, { identity: officerOf("883"), variables: { id: second } });
    assert.deepEqual(read.data?.petition, {
      id: second,
      round: "SECOND",
      decisionKnownOn: "2020-03-10",
      firstRound: { id: first },
      secondRounds: [],
    });
    const back = await h.run(LINKS, { identity: officerOf("883"), variables: { id: first } });
    assert.deepEqual((back.data?.petition as { secondRounds: unknown }).secondRounds, [
      { id: second, round: "SECOND" },
    ]);
    // 2020-03-10 + 30 days (Art. 33): received 2020-05-20 is too late.
    const late = await complaint({ receivedOn: "2020-05-20", firstRoundPetitionId: first });
    assert.equal((late.errors?.[0].extensions?.fields as { path: string }[])[0]!.path, "input.receivedOn");
  });

  it("refuses a first round that is not a resolved first-round complaint, an unknown one, and one out of scope", async () => {
    const open = ((await complaint()).data!.submitPetition as { id: string }).id;
    const notResolved = await complaint({ receivedOn: "2020-03-20", firstRoundPetitionId: open });
    assert.equal(notResolved.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(
      (notResolved.errors?.[0].extensions?.fields as { path: string }[])[0]!.path,
      "input.firstRoundPetitionId",
    );
    const unknown = await complaint({ receivedOn: "2020-03-20", firstRoundPetitionId: "999999999" });
    assert.equal(unknown.errors?.[0].extensions?.code, "NOT_FOUND");
    const first = await resolvedFirstRound();
    const denunciation = await submit({ receivedOn: "2020-03-20", firstRoundPetitionId: first });
    assert.equal((denunciation.errors?.[0].extensions?.fields as { path: string }[])[0]!.path, "input.round");
    const elsewhere = await h.run(`mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id } }`, {
      identity: officerOf("884"),
      variables: {
        input: {
          kind: "COMPLAINT",
          channel: "DIRECT",
          communeCode: "30316",
          summary: "Khiếu nại lần hai",
          receivedOn: "2020-03-20",
          firstRoundPetitionId: first,
          idempotencyKey: "second-round-elsewhere",
        },
      },
    });
    assert.equal(elsewhere.errors?.[0].extensions?.code, "FORBIDDEN");
  });
});
