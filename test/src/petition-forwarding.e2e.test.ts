import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startFederation, type Federation } from "./support/federation.js";

const SUBMIT = `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id version } }`;
const FORWARD = `mutation($input: ForwardPetitionInput!) { forwardPetition(input: $input) {
  status forwardFollowUpDueOn forwardedTo { id kind name unit { code name } } } }`;

describe("petitions through the gateway: forwarded to a state body of organisations", () => {
  let f: Federation;
  let officer: string;
  let admin: string;
  before(async () => {
    f = await startFederation();
    admin = await f.token({ sub: "admin-1", roles: ["ADMIN"] });
    officer = await f.token({ sub: "officer-883", roles: ["OFFICER"], unitCode: "883" });
  });
  after(async () => f?.stop());

  it("forwards a recommendation to the commune's People's Committee chairperson, completed from organisations", async () => {
    const s = await f.query(SUBMIT, {
      token: officer,
      variables: {
        input: {
          kind: "RECOMMENDATION",
          channel: "DIRECT",
          communeCode: "30280",
          summary: "Kiến nghị sửa đường ấp",
          receivedOn: "2020-03-02",
          idempotencyKey: "forward-e2e-1",
        },
      },
    });
    assert.equal(s.body.errors, undefined, s.text);
    const { id } = s.body.data!.submitPetition as { id: string };
    const r = await f.query(FORWARD, {
      token: officer,
      variables: {
        input: {
          petitionId: id,
          expectedVersion: 1,
          on: "2020-03-03",
          toBodyId: "UBND-30280",
          legalBasis: "Law on Citizen Reception 2013, Art. 28",
        },
      },
    });
    assert.equal(r.body.errors, undefined, r.text);
    assert.deepEqual(r.body.data!.forwardPetition, {
      status: "FORWARDED",
      // 2020-03-03 + 30 days = Thu 2020-04-02, Hùng Kings' day (10/3 lunar): rolled over to Fri 2020-04-03.
      forwardFollowUpDueOn: "2020-04-03",
      forwardedTo: {
        id: "UBND-30280",
        kind: "PEOPLES_COMMITTEE_CHAIR",
        name: "Chủ tịch Ủy ban nhân dân Phường Mỹ Bình",
        unit: { code: "30280", name: "Phường Mỹ Bình" },
      },
    });
  });

  it("counts the seeded forwarded cases and lists the overdue follow-ups, each body named", async () => {
    const stats = await f.query(
      `{ petitionStatistics(unitCode: "89", from: "2015-01-01", to: "2020-12-31") { forwarded forwardAnswered forwardOverdue } }`,
    );
    assert.equal(stats.body.errors, undefined, stats.text);
    const figures = stats.body.data!.petitionStatistics as Record<string, number>;
    assert.ok(figures.forwarded >= figures.forwardAnswered && figures.forwarded > 0, JSON.stringify(figures));
    const q = await f.query(
      `{ petitions(unitCode: "89", forwardOverdue: true, first: 5) { totalCount edges { node { status isForwardOverdue forwardedTo { name } } } } }`,
      { token: admin },
    );
    assert.equal(q.body.errors, undefined, q.text);
    const edges = (q.body.data!.petitions as { edges: { node: Record<string, unknown> }[] }).edges;
    assert.ok(edges.length > 0, "the small seed has overdue follow-ups");
    for (const { node } of edges) {
      assert.equal(node.status, "FORWARDED");
      assert.equal(node.isForwardOverdue, true);
      assert.equal(typeof (node.forwardedTo as { name: string }).name, "string");
    }
  });
});
