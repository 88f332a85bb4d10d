import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "../petitions/petition-steps.fixture.js";

const DECLARE = `mutation($input: DeclareCalendarDayInput!) { declareCalendarDay(input: $input) { on working decision } }`;
const DAYS = `query($from: Date!, $to: Date!) { declaredCalendarDays(from: $from, to: $to) { on working decision } }`;

describe("the declared calendar days (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit } = petitionSteps(() => h);
  const dueOf = async (id: string) =>
    (
      await h.run(`query($id: ID!) { petition(id: $id) { dueOn acceptanceDueOn } }`, {
        identity: officerOf("883"),
        variables: { id },
      })
    ).data!.petition as { dueOn: string; acceptanceDueOn: string };

  it("lists the swaps the code ships (written by the migration), to anyone", async () => {
    const r = await h.run(DAYS, { variables: { from: "2019-01-01", to: "2019-12-31" } });
    assert.deepEqual(
      (r.data!.declaredCalendarDays as { on: string; working: boolean }[]).map((d) => [d.on, d.working]),
      [
        ["2019-01-05", true],
        ["2019-04-29", false],
        ["2019-05-04", true],
      ],
    );
  });

  it("lets an administrator declare a day off; the open petitions' deadlines it touches move at once", async () => {
    // An especially complex denunciation received Mon 2/3/2020: 10 working days → Mon 16/3.
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    assert.deepEqual(await dueOf(id), { dueOn: "2020-03-16", acceptanceDueOn: "2020-03-16" });
    const input = { on: "2020-03-09", working: false, decision: "Test decision 1/2020 moving a day off" };
    for (const identity of [officerOf("883"), ANALYST]) {
      const refused = await h.run(DECLARE, { identity, variables: { input } });
      assert.ok(["FORBIDDEN", "UNAUTHENTICATED"].includes(String(refused.errors?.[0]?.extensions?.code)));
    }
    assert.deepEqual(await dueOf(id), { dueOn: "2020-03-16", acceptanceDueOn: "2020-03-16" });
    const r = await h.run(DECLARE, { identity: ADMIN, variables: { input } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(await dueOf(id), { dueOn: "2020-03-17", acceptanceDueOn: "2020-03-17" });
    // Declaring it again (now a working day) replaces it, and the deadline comes back.
    await h.run(DECLARE, { identity: ADMIN, variables: { input: { ...input, working: true } } });
    assert.deepEqual(await dueOf(id), { dueOn: "2020-03-16", acceptanceDueOn: "2020-03-16" });
    const listed = await h.run(DAYS, { variables: { from: "2020-03-01", to: "2020-03-31" } });
    assert.deepEqual(listed.data!.declaredCalendarDays, [{ ...input, working: true }]);
  });

  it("counts a new petition with the declared days", async () => {
    await h.run(DECLARE, {
      identity: ADMIN,
      variables: { input: { on: "2020-06-08", working: false, decision: "Test decision 2/2020" } },
    });
    // A complaint received Fri 29/5/2020: 10 days → Mon 8/6, now a day off → Tue 9/6.
    const r = await submit({ kind: "COMPLAINT", denouncer: null, complexity: "NORMAL", receivedOn: "2020-05-29" });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal((r.data!.submitPetition as { dueOn: string }).dueOn, "2020-06-09");
  });

  it("refuses a period that ends before it starts", async () => {
    const r = await h.run(DAYS, { variables: { from: "2020-02-01", to: "2020-01-01" } });
    assert.equal((r.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "from");
  });
});
