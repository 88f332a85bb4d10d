import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { officerOf, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "./petition-steps.fixture.js";

const READ = `query($id: ID!) { petition(id: $id) { receivedOn acceptanceDueOn dueOn legalBasis decisionKnownOn } }`;

describe("petition deadlines by the law in force, the working-day calendar and the filing limit (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);
  const read = async (id: string) =>
    (await h.run(READ, { identity: officerOf("883"), variables: { id } })).data!.petition as Record<string, string>;
  const complaint = { kind: "COMPLAINT", denouncer: null, complexity: "NORMAL" };

  it("holds a new petition to the acceptance deadline of the law in force on receipt, rolled over Tết", async () => {
    const r = await submit({ ...complaint, receivedOn: "2020-01-15" });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const p = await read((r.data!.submitPetition as { id: string }).id);
    assert.deepEqual(p, {
      receivedOn: "2020-01-15",
      acceptanceDueOn: "2020-01-30",
      dueOn: "2020-01-30",
      legalBasis: "Law on Complaints 2011 (02/2011/QH13), Art. 27; Civil Code 2015 (91/2015/QH13), Art. 148(5)",
      decisionKnownOn: null,
    });
  });

  it("judges a denunciation of 2018 by the 2011 law, keeps its acceptance deadline after acceptance", async () => {
    const r = await submit({ receivedOn: "2018-02-05", complexity: "NORMAL" });
    const id = (r.data!.submitPetition as { id: string }).id;
    assert.deepEqual(await read(id), {
      receivedOn: "2018-02-05",
      acceptanceDueOn: "2018-02-21",
      dueOn: "2018-02-21",
      legalBasis:
        "Law on Denunciations 2011 (03/2011/QH13), Art. 20(1)(a); Civil Code 2015 (91/2015/QH13), Art. 148(5)",
      decisionKnownOn: null,
    });
    const accepted = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2018-02-26" });
    assert.equal(accepted.errors, undefined, JSON.stringify(accepted.errors));
    const after = await read(id);
    // Accepted late (after 21/2); 60 days from 26/2 → Fri 27/4/2018.
    assert.deepEqual(
      [after.acceptanceDueOn, after.dueOn, after.legalBasis],
      ["2018-02-21", "2018-04-27", "Law on Denunciations 2011 (03/2011/QH13), Art. 21"],
    );
  });

  it("refuses a receipt date before the table's acts, at input.receivedOn", async () => {
    const r = await submit({ ...complaint, receivedOn: "2012-06-29" });
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal((r.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.receivedOn");
  });

  it("checks a complaint's 90-day filing limit against its receipt date, in both languages", async () => {
    const late = await submit({ ...complaint, receivedOn: "2019-04-03", decisionKnownOn: "2019-01-02" });
    assert.equal(late.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const fields = late.errors?.[0]?.extensions?.fields as { path: string; message: string }[];
    assert.equal(fields[0]!.path, "input.receivedOn");
    assert.match(fields[0]!.message, /Law on Complaints 2011, Art\. 9/);
    assert.ok(!late.errors?.[0]?.message.includes("2019-01-02"), "never quotes a value");
    const vi = await h.run(`mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id } }`, {
      identity: officerOf("883"),
      language: "vi",
      variables: {
        input: {
          ...complaint,
          channel: "DIRECT",
          communeCode: "30280",
          summary: "Khiếu nại quyết định thu hồi đất",
          receivedOn: "2019-04-03",
          decisionKnownOn: "2019-01-02",
          idempotencyKey: "late-complaint-vi",
        },
      },
    });
    assert.match((vi.errors?.[0]?.extensions?.fields as { message: string }[])[0]!.message, /thời hiệu khiếu nại/);
    const inTime = await submit({
      ...complaint,
      receivedOn: "2019-04-12",
      decisionKnownOn: "2019-01-02",
      obstacleDays: 10,
    });
    assert.equal(inTime.errors, undefined, JSON.stringify(inTime.errors));
    assert.equal((await read((inTime.data!.submitPetition as { id: string }).id)).decisionKnownOn, "2019-01-02");
    const notComplaint = await submit({ receivedOn: "2019-04-12", decisionKnownOn: "2019-01-02" });
    assert.equal(
      (notComplaint.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path,
      "input.decisionKnownOn",
    );
    const afterReceipt = await submit({ ...complaint, receivedOn: "2019-04-12", decisionKnownOn: "2019-04-13" });
    assert.equal(
      (afterReceipt.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path,
      "input.decisionKnownOn",
    );
  });

  it("counts late acceptances in petitionStatistics and petitionAggregate, equal to the rows", async () => {
    const stats = await h.run(
      `{ petitionStatistics(unitCode: "89", from: "2015-01-01", to: "2020-12-31") { acceptedLate byKind { acceptedLate } } }`,
    );
    const s = stats.data!.petitionStatistics as { acceptedLate: number; byKind: { acceptedLate: number }[] };
    const [row] = (await h.ds.query(
      `SELECT COUNT(*) AS n FROM petition WHERE received_on BETWEEN '2015-01-01' AND '2020-12-31' AND accepted_on > acceptance_due_on`,
    )) as { n: string | number }[];
    assert.ok(s.acceptedLate > 0, "the seed has late acceptances");
    assert.equal(s.acceptedLate, Number(row!.n));
    assert.equal(
      s.byKind.reduce((a, k) => a + k.acceptedLate, 0),
      s.acceptedLate,
    );
    const agg = await h.run(
      `{ petitionAggregate(unitCode: "89", from: "2015-01-01", to: "2020-12-31", groupBy: [YEAR], orderBy: [{ by: ACCEPTED_LATE }]) { rows { year acceptedLate } } }`,
      { identity: officerOf("89") },
    );
    const rows = (agg.data!.petitionAggregate as { rows: { year: string; acceptedLate: number }[] }).rows;
    assert.equal(
      rows.reduce((a, r) => a + r.acceptedLate, 0),
      s.acceptedLate,
    );
    assert.deepEqual(
      rows.map((r) => r.acceptedLate),
      [...rows.map((r) => r.acceptedLate)].sort((a, b) => b - a),
      "sorted by late acceptances, most first",
    );
  });
});
