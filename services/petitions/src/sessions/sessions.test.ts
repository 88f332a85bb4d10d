import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { complianceFor } from "../reception/index.js";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { ReceptionSession } from "./reception-session.entity.js";

const RECORD = `mutation($input: RecordSessionInput!) { recordReceptionSession(input: $input) { id kind level presiderRole heldOn unit { code } petitions { id } } }`;

describe("citizen reception sessions and dialogues (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("records a session with the petitions raised in it, once per key", async () => {
    const [p] = (await h.ds.query(`SELECT id FROM petition WHERE commune_code = '30280' ORDER BY id LIMIT 1`)) as {
      id: number;
    }[];
    const input = {
      kind: "RECEPTION",
      unitCode: "30280",
      presiderRole: "CHAIR",
      presiderName: "Nguyễn Văn Chủ Tịch",
      heldOn: "2020-04-06",
      place: "Trụ sở",
      citizensReceived: 4,
      petitionIds: [String(p!.id)],
      idempotencyKey: "session-key-0001",
    };
    const a = await h.run(RECORD, { identity: officerOf("30280"), variables: { input } });
    const b = await h.run(RECORD, { identity: officerOf("30280"), variables: { input } });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.deepEqual(b.data, a.data);
    const s = a.data!.recordReceptionSession as { level: string; petitions: { id: string }[] };
    assert.equal(s.level, "COMMUNE");
    assert.deepEqual(s.petitions, [{ id: String(p!.id) }]);
    assert.equal(await h.ds.getRepository(ReceptionSession).countBy({ heldOn: "2020-04-06", unitCode: "30280" }), 1);
    const foreign = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: { ...input, unitCode: "884", idempotencyKey: null } },
    });
    assert.equal((foreign.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.petitionIds");
  });

  it("reports compliance per unit and month from the chair's own sessions, matching the rules", async () => {
    const r = await h.run(
      `{ receptionCompliance(unitCode: "883", month: "2020-02") { required held compliant byChildUnit { unit { code } required held compliant missingWeeks } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data!.receptionCompliance as {
      required: number;
      held: number;
      byChildUnit: {
        unit: { code: string };
        required: number;
        held: number;
        compliant: boolean;
        missingWeeks: string[];
      }[];
    };
    assert.equal(c.required, 2, "a district chair: two days a month");
    assert.equal(c.byChildUnit.length, 13);
    for (const child of c.byChildUnit) {
      const rows = (await h.ds.query(
        `SELECT held_on FROM reception_session WHERE unit_code = '${child.unit.code}' AND kind = 'RECEPTION' AND presider_role = 'CHAIR'`,
      )) as { held_on: string }[];
      const expected = complianceFor(
        "COMMUNE",
        "2020-02",
        rows.map((x) => String(x.held_on)),
      );
      assert.deepEqual(
        [child.required, child.held, child.compliant, child.missingWeeks],
        [expected.required, expected.held, expected.compliant, expected.missingWeeks ?? []],
      );
    }
    const bad = await h.run(`{ receptionCompliance(unitCode: "883", month: "2020-13") { held } }`);
    assert.equal((bad.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "month");
  });

  it("lists sessions publicly, but the petitions raised only to officers in scope", async () => {
    const q = `{ receptionSessions(unitCode: "883", first: 5, kind: RECEPTION) { totalCount edges { node { presiderName heldOn } } } }`;
    const r = await h.run(q);
    assert.equal(r.errors, undefined);
    assert.ok((r.data!.receptionSessions as { totalCount: number }).totalCount > 0);
    const withPetitions = await h.run(
      `{ receptionSessions(unitCode: "30280", first: 5) { edges { node { petitions { id } } } } }`,
    );
    assert.equal(withPetitions.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
  });
});
