import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startFederation, type Federation } from "./support/federation.js";

/** docs/graph-contract.md's district page: one request touching all three subgraphs through the gateway. */
describe("the district page across organisations, programs and petitions", () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(async () => f?.stop());

  it("answers for a district with children summing to the district's own figures", async () => {
    const r = await f.query(`{
      administrativeUnit(code: "883", asOf: "2019-01-01") {
        name
        povertyStatistics(year: 2019) { poor nearPoor }
        petitionStatistics(from: "2019-01-01", to: "2019-12-31") { received resolved }
        children(asOf: "2019-01-01") {
          name
          povertyStatistics(year: 2019) { poor nearPoor }
          petitionStatistics(from: "2019-01-01", to: "2019-12-31") { received resolved onTimeRate }
          organisations { kind memberCount }
        }
      }
    }`);
    assert.equal(r.body.errors, undefined, r.text);
    type Child = {
      povertyStatistics: { poor: number };
      petitionStatistics: { received: number; resolved: number; onTimeRate: number };
      organisations: { kind: string; memberCount: number }[];
    };
    const u = r.body.data!.administrativeUnit as {
      name: string;
      povertyStatistics: { poor: number };
      petitionStatistics: { received: number; resolved: number };
      children: Child[];
    };
    assert.equal(u.name, "Thành phố Long Xuyên");
    assert.equal(u.children.length, 13);
    assert.equal(
      u.children.reduce((a, c) => a + c.petitionStatistics.received, 0),
      u.petitionStatistics.received,
    );
    assert.equal(
      u.children.reduce((a, c) => a + c.petitionStatistics.resolved, 0),
      u.petitionStatistics.resolved,
    );
    assert.equal(
      u.children.reduce((a, c) => a + c.povertyStatistics.poor, 0),
      u.povertyStatistics.poor,
    );
    assert.ok(u.petitionStatistics.received > 0);
    assert.ok(
      u.children.every(
        (c) =>
          // Four or five committees: no commune Labour Federation, the Farmers' Union in 152 of 156 (issue 20).
          c.organisations.length >= 4 &&
          c.organisations.every((o) => o.kind !== "LABOUR_FEDERATION") &&
          c.petitionStatistics.onTimeRate >= 0 &&
          c.petitionStatistics.onTimeRate <= 1,
      ),
    );
  });

  it("submits and accepts a petition through the gateway; only its handling officer reads the denouncer", async () => {
    const officer = await f.token({ sub: "officer-1", roles: ["OFFICER"], unitCode: "883" });
    const handler = await f.token({ sub: "handler-1", roles: ["HANDLING_OFFICER"], unitCode: "883" });
    const sub = await f.query(
      `mutation { submitPetition(input: { kind: DENUNCIATION, channel: DIRECT, communeCode: "30280", summary: "Tố cáo qua cổng", receivedOn: "2020-06-01", handlingOfficer: "handler-1", handledByOrganisationId: "MTTQ-883", denouncer: { fullName: "Người Tố Cáo Kín" }, idempotencyKey: "e2e-petition-0001" }) { id dueOn handledBy { name } unit { name } } }`,
      { token: officer },
    );
    assert.equal(sub.body.errors, undefined, sub.text);
    const p = sub.body.data!.submitPetition as {
      id: string;
      dueOn: string;
      handledBy: { name: string };
      unit: { name: string };
    };
    // Accepted within 7 working days of receipt (Law on Denunciations 2018, Art. 24(1)): Monday
    // 1 June 2020 gives Wednesday 10 June, the weekend of 6–7 June not counted (issue 19).
    assert.equal(p.dueOn, "2020-06-10");
    assert.equal(p.unit.name, "Phường Mỹ Bình");
    assert.match(p.handledBy.name, /Mặt trận Tổ quốc Việt Nam Thành phố Long Xuyên/);
    const acc = await f.query(
      `mutation($id: ID!) { acceptPetition(input: { petitionId: $id, expectedVersion: 1, on: "2020-06-03" }) { status dueOn history { transition } } }`,
      { token: handler, variables: { id: p.id } },
    );
    assert.deepEqual(acc.body.data!.acceptPetition, {
      status: "ACCEPTED",
      dueOn: "2020-07-03",
      history: [{ transition: "receive" }, { transition: "accept" }],
    });
    const q = `query($id: ID!) { petition(id: $id) { denouncerIdentity { fullName } } }`;
    assert.equal(
      (await f.query(q, { token: officer, variables: { id: p.id } })).body.errors?.[0]?.extensions?.code,
      "FORBIDDEN",
    );
    const read = await f.query(q, { token: handler, variables: { id: p.id } });
    assert.deepEqual(read.body.data!.petition, { denouncerIdentity: { fullName: "Người Tố Cáo Kín" } });
    const logs = f.gateway.output() + f.subgraphOutput();
    assert.doesNotMatch(logs, /Người Tố Cáo Kín/, "the identity never reaches a log");
  });
});
