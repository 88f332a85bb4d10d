import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startFederation, type Federation } from "./support/federation.js";

const SUBMIT = `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id version } }`;
const ACCEPT = `mutation($input: AcceptPetitionInput!) { acceptPetition(input: $input) { dueOn acceptedOn } }`;

describe("petitions through the gateway: deadlines follow the unit registry", () => {
  let f: Federation;
  let admin: string;
  let officer: string;
  before(async () => {
    f = await startFederation();
    admin = await f.token({ sub: "admin-1", roles: ["ADMIN"] });
    officer = await f.token({ sub: "officer-883", roles: ["OFFICER"], unitCode: "883" });
  });
  after(async () => f?.stop());

  /** Receives a first-round complaint in the commune on 2020-03-02, accepts it on 03-05, returns its due date. */
  async function complaintDueOn(communeCode: string, key: string): Promise<string> {
    const s = await f.query(SUBMIT, {
      token: officer,
      variables: {
        input: {
          kind: "COMPLAINT",
          channel: "DIRECT",
          communeCode,
          summary: "Khiếu nại quyết định thu hồi đất",
          receivedOn: "2020-03-02",
          complexity: "NORMAL",
          idempotencyKey: key,
        },
      },
    });
    assert.equal(s.body.errors, undefined, s.text);
    const { id } = s.body.data!.submitPetition as { id: string };
    const a = await f.query(ACCEPT, {
      token: officer,
      variables: { input: { petitionId: id, expectedVersion: 1, on: "2020-03-05" } },
    });
    assert.equal(a.body.errors, undefined, a.text);
    return (a.body.data!.acceptPetition as { dueOn: string }).dueOn;
  }

  it("gives a commune the administrator has just marked remote the 45-day complaint deadline", async () => {
    const unit = await f.query(`{ administrativeUnit(code: "30280") { isRemoteArea version } }`);
    const { isRemoteArea, version } = unit.body.data!.administrativeUnit as { isRemoteArea: boolean; version: number };
    assert.equal(isRemoteArea, false);
    assert.equal(await complaintDueOn("30280", "remote-e2e-before"), "2020-04-06"); // 30 days → Sat 4/4, rolled over to Mon 6/4

    const set = await f.query(
      `mutation($v: Int!) { setRemoteArea(input: { code: "30280", isRemoteArea: true, expectedVersion: $v }) { isRemoteArea } }`,
      { token: admin, variables: { v: version } },
    );
    assert.equal(set.body.errors, undefined, set.text);
    assert.equal(await complaintDueOn("30280", "remote-e2e-after"), "2020-04-20"); // 45 days, remote area → Sun 19/4, rolled over to Mon 20/4

    // Each submission asked the graph; none fell back to the subgraph's own copy.
    assert.doesNotMatch(f.subgraphOutput(), /unit registry did not answer/);
  });
});
