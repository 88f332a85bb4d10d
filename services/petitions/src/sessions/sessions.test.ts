import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { complianceFor } from "../reception/index.js";
import { subtreeCodes } from "@danvan/kit";
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
      language: "vi",
    });
    assert.deepEqual(foreign.errors?.[0]?.extensions?.fields, [
      { path: "input.petitionIds", message: "phải là đơn thuộc đơn vị này hoặc các đơn vị trực thuộc" },
    ]);
    assert.equal(foreign.data!.recordReceptionSession, null);
  });

  it("never repeats a value it was sent in a NOT_FOUND or BAD_USER_INPUT error", async () => {
    const input = {
      kind: "RECEPTION",
      unitCode: "30280",
      presiderRole: "CHAIR",
      presiderName: "Nguyễn Văn Chủ Tịch",
      heldOn: "2020-04-13",
      place: "Trụ sở",
      citizensReceived: 1,
      petitionIds: [],
    };
    const record = (over: Record<string, unknown>) =>
      h.run(RECORD, { identity: ADMIN, variables: { input: { ...input, ...over } } });
    const cases: [
      name: string,
      result: Promise<Awaited<ReturnType<Harness["run"]>>>,
      sent: string[],
      code: string,
      fields: unknown,
    ][] = [
      [
        "an unknown unit",
        record({ unitCode: "12346" }),
        ["12346"],
        "NOT_FOUND",
        [{ path: "input.unitCode", message: "does not exist" }],
      ],
      [
        "an unknown petition",
        record({ petitionIds: ["987654321"] }),
        ["987654321"],
        "NOT_FOUND",
        [{ path: "input.petitionIds", message: "does not exist" }],
      ],
      [
        "a malformed petition id",
        record({ petitionIds: ["Nguyễn Văn Bí Mật"] }),
        ["Bí Mật"],
        "BAD_USER_INPUT",
        [{ path: "input.petitionIds", message: "is not a petition id" }],
      ],
      [
        "an over-long topic",
        record({ topic: "Ông Nguyễn Văn Bí Mật ".repeat(20) }),
        ["Bí Mật"],
        "BAD_USER_INPUT",
        [{ path: "input.topic", message: "must be 2 to 300 characters" }],
      ],
      [
        "a period that ends before it starts",
        h.run(`{ receptionSessions(unitCode: "883", from: "2020-05-31", to: "2020-05-01") { totalCount } }`),
        ["2020-05-31", "2020-05-01"],
        "BAD_USER_INPUT",
        [{ path: "from", message: "must not be after to" }],
      ],
    ];
    for (const [name, result, sent, code, fields] of cases) {
      const r = await result;
      assert.equal(r.errors?.[0]?.extensions?.code, code, `${name}: ${JSON.stringify(r.errors)}`);
      assert.deepEqual(r.errors?.[0]?.extensions?.fields, fields, name);
      for (const value of sent) assert.ok(!JSON.stringify(r.errors).includes(value), `${name} repeats ${value}`);
    }
    const vi = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: { ...input, unitCode: "12346" } },
      language: "vi",
    });
    assert.equal(vi.errors?.[0]?.message, "Không tìm thấy đơn vị hành chính");
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
  });

  it("takes the month as a YearMonth and the period as Dates: anything else is refused", async () => {
    const compliance = `query($m: YearMonth!) { receptionCompliance(unitCode: "883", month: $m) { month held } }`;
    for (const m of ["2020-13", "2020-00", "2020-2", "2020-02-01", "02/2020"]) {
      const bad = await h.run(compliance, { variables: { m } });
      assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", m);
      assert.equal(bad.data, undefined, m);
    }
    const good = await h.run(compliance, { variables: { m: "2020-02" } });
    assert.equal(good.errors, undefined, JSON.stringify(good.errors));
    assert.equal((good.data!.receptionCompliance as { month: string }).month, "2020-02");
    const literal = await h.run(`{ receptionCompliance(unitCode: "883", month: "2020-13") { held } }`);
    assert.equal(literal.data, undefined);
    const sessions = `query($from: Date, $to: Date) { receptionSessions(unitCode: "883", from: $from, to: $to) { totalCount } }`;
    for (const from of ["2020-02-30", "2020-2-1", "2020-02"]) {
      const bad = await h.run(sessions, { variables: { from, to: "2020-12-31" } });
      assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", from);
    }
    const all = await h.run(sessions, { variables: {} });
    const february = await h.run(sessions, { variables: { from: "2020-02-01", to: "2020-02-29" } });
    const units = subtreeCodes("883")
      .map((c) => `'${c}'`)
      .join(", ");
    const [row] = (await h.ds.query(
      `SELECT COUNT(*) AS n FROM reception_session WHERE unit_code IN (${units}) AND held_on >= '2020-02-01' AND held_on <= '2020-02-29'`,
    )) as { n: string | number }[];
    assert.equal(february.errors, undefined, JSON.stringify(february.errors));
    const n = (r: typeof all) => (r.data!.receptionSessions as { totalCount: number }).totalCount;
    assert.equal(n(february), Number(row!.n));
    assert.ok(n(february) > 0 && n(february) < n(all));
  });

  it("lists sessions publicly, but the petitions raised only to officers in scope", async () => {
    const q = `{ receptionSessions(unitCode: "883", first: 5, kind: RECEPTION) { totalCount edges { node { presiderName heldOn } } } }`;
    const r = await h.run(q);
    assert.equal(r.errors, undefined);
    assert.ok((r.data!.receptionSessions as { totalCount: number }).totalCount > 0);
    const withPetitions = await h.run(
      `{ receptionSessions(unitCode: "30280", first: 5) { edges { node { heldOn petitions { id } } } } }`,
    );
    assert.equal(withPetitions.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    // Each session's petitions are refused; the sessions themselves are still answered.
    const edges = (withPetitions.data!.receptionSessions as { edges: { node: { heldOn: string; petitions: null } }[] })
      .edges;
    assert.ok(edges.length > 0);
    assert.ok(edges.every((e) => e.node.petitions === null && /^\d{4}-\d{2}-\d{2}$/.test(e.node.heldOn)));
  });
});
