import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { communeOfTheDay, predecessorsOf, REORGANISATION_2025, todaysCommuneOf, unitVersion } from "@danvan/kit/units";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";
import { ALL_ORGANISATION_KINDS, ORGANISATION_KINDS } from "./organisation-kind.js";

const RECORD = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id } }`;
const AFTER = "2026-01-01";

interface Fact {
  id: number;
  name: string;
  org: string;
  unit: string;
  kind: string;
  from: string | null;
  to: string | null;
  j: string;
  l: string | null;
}
const activeOn = (f: Fact, day: string) => f.j <= day && (f.l === null || f.l > day);

/**
 * The committees follow the 2025 map (issue 27), SQLite and PostgreSQL (TEST_DATABASE=postgres):
 * the new committees, the old ones ended, members carried over by the successions without a row
 * moving, and joining refused where a committee does not exist.
 */
describe("committees through time (integration)", () => {
  let h: Harness;
  let facts: Fact[];
  before(async () => {
    h = await startHarness();
    for (const [i, joinedOn] of ["2025-09-01", "2025-12-15"].entries()) {
      const r = await h.run(RECORD, {
        identity: ADMIN,
        variables: {
          input: {
            organisationId: "HPN-30307-25",
            fullName: ["Trần Thị Mới", "Trần Thị Hai"][i],
            gender: "FEMALE",
            birthYear: 1990,
            joinedOn,
          },
        },
      });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    facts = (
      (await h.ds.query(
        `SELECT m.id AS id, m.full_name AS name, m.organisation_id AS org, o.unit_code AS unit, o.kind AS kind,
           o.valid_from AS "from", o.valid_to AS "to", m.joined_on AS j, m.left_on AS l
         FROM member m JOIN organisation o ON o.id = m.organisation_id`,
      )) as Fact[]
    ).map((f) => ({
      ...f,
      id: Number(f.id),
      from: f.from === null ? null : String(f.from),
      to: f.to === null ? null : String(f.to),
      j: String(f.j),
      l: f.l === null ? null : String(f.l),
    }));
  });
  after(async () => h.close());

  it("has the 2025 committees from 2025-07-01 and ends the old ones with their units", async () => {
    const r = await h.run(`{
      now: organisations(asOf: "${AFTER}") { totalCount }
      labour: organisations(asOf: "${AFTER}", kind: LABOUR_FEDERATION) { totalCount }
      before: organisations(asOf: "2025-06-30") { totalCount }
      longXuyen: organisation(id: "HPN-30307-25") { name validFrom validTo unit { code name validFrom } parent { id } predecessors { id validTo } successors { id } }
      myHoa: organisation(id: "HPN-30307") { validFrom validTo unit { name validTo } successors { id } }
      dongXuyen: organisation(id: "HPN-30285") { validTo successors { id successors { id } } }
      district: organisation(id: "HPN-883") { validTo successors { id } }
      province: organisation(id: "MTTQ-89") { validTo successors { id predecessors { id } } }
      named: organisations(unitCode: "30307") { edges { node { id } } }
      then: organisations(unitCode: "30307", asOf: "2020-01-01") { edges { node { id } } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data as Record<string, Record<string, unknown>>;
    assert.equal(d.now!.totalCount, 5 * 103 + 1);
    assert.equal(d.labour!.totalCount, 1);
    // Phường Đông Xuyên's committees ended on 2024-12-31, with their unit.
    assert.equal(d.before!.totalCount, 848 - 4);
    const expected = predecessorsOf(unitVersion("30307", "2025-07-01")!)
      .map((s) => `HPN-${s.from.code}`)
      .sort();
    assert.deepEqual(d.longXuyen, {
      name: "Hội Liên hiệp Phụ nữ Phường Long Xuyên",
      validFrom: "2025-07-01",
      validTo: null,
      unit: { code: "30307", name: "Phường Long Xuyên", validFrom: "2025-07-01" },
      parent: { id: "HPN-91-25" },
      predecessors: expected.map((id) => ({ id, validTo: "2025-06-30" })),
      successors: [],
    });
    assert.deepEqual(d.myHoa, {
      validFrom: null,
      validTo: "2025-06-30",
      unit: { name: "Phường Mỹ Hòa", validTo: "2025-06-30" },
      successors: [{ id: "HPN-30307-25" }],
    });
    assert.deepEqual(d.dongXuyen, {
      validTo: "2024-12-31",
      successors: [{ id: "HPN-30286", successors: [{ id: "HPN-30307-25" }] }],
    });
    assert.deepEqual(d.district, { validTo: "2025-06-30", successors: [{ id: "HPN-91-25" }] });
    const province = d.province as { validTo: string; successors: { id: string; predecessors: { id: string }[] }[] };
    assert.equal(province.validTo, "2025-06-30");
    assert.equal(province.successors[0]!.id, "MTTQ-91-25");
    // The old province's committee and its eleven districts'.
    assert.equal(province.successors[0]!.predecessors.length, 12);
    const ids = (k: string) => (d[k] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    // A code alone names the unit it names now (Phường Long Xuyên); with asOf, the one in force then (Mỹ Hòa).
    assert.deepEqual(ids("named"), ["CCB-30307-25", "DTN-30307-25", "HND-30307-25", "HPN-30307-25", "MTTQ-30307-25"]);
    assert.deepEqual(ids("then"), ["CCB-30307", "DTN-30307", "HND-30307", "HPN-30307", "MTTQ-30307"]);
  });

  it("counts in a 2025 commune's committee the members carried over and those who joined it, none in the old ones", async () => {
    // The old communes whose records fall under Phường Long Xuyên, Đông Xuyên (through Mỹ Xuyên) included.
    const olds = new Set(
      facts.filter((f) => f.from === null && todaysCommuneOf(f.unit)?.code === "30307").map((f) => f.unit),
    );
    assert.ok(olds.has("30285") && olds.size >= 6, [...olds].join());
    const women = facts.filter((f) => f.kind === "WOMENS_UNION");
    // Where an old committee's member is from 2025-07-01: the kit's rule for a record of an old
    // commune from its committee's last day, keyed by the member's id (a split commune's: one part).
    const carriedHere = (f: Fact) =>
      f.from === null && f.to !== null && communeOfTheDay(f.unit, f.to, REORGANISATION_2025, f.id) === "30307";
    assert.deepEqual(
      [...new Set(women.filter(carriedHere).map((f) => f.unit))].sort(),
      [...olds].sort(),
      "the same old communes either way",
    );
    const carried = women.filter((f) => carriedHere(f) && activeOn(f, AFTER)).length;
    const own = women.filter((f) => f.org === "HPN-30307-25");
    const joined = own.filter((f) => activeOn(f, AFTER)).length;
    assert.ok(carried > 0);
    // Its own rows: those the seed has join from 2025-07-01 (issue 27: the register runs to
    // 2026-11-30) and the two recorded above, which must be among them.
    assert.ok(["Trần Thị Mới", "Trần Thị Hai"].every((n) => own.some((f) => f.name === n && activeOn(f, AFTER))));
    assert.ok(
      own.every((f) => f.j >= REORGANISATION_2025),
      "no one joins a 2025 committee before it exists",
    );
    const r = await h.run(
      `{
      now: organisation(id: "HPN-30307-25") { memberCount(asOf: "${AFTER}") before: memberCount(asOf: "2025-06-30") newMembers(from: "2025-01-01", to: "${AFTER}") members(first: 1) { totalCount } }
      old: organisation(id: "HPN-30307") { after: memberCount(asOf: "${AFTER}") last: memberCount(asOf: "2025-06-30") }
      myXuyen: organisation(id: "HPN-30286") { memberCount(asOf: "2025-03-01") }
    }`,
      { identity: ADMIN },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data as Record<string, Record<string, number | { totalCount: number }>>;
    assert.equal(d.now!.memberCount, carried + joined);
    assert.equal(d.now!.before, 0, "the committee did not exist yet");
    // Carried-over members are not new members: only its own rows joined in the window.
    assert.equal(d.now!.newMembers, own.filter((f) => f.j >= "2025-01-01" && f.j <= AFTER).length);
    // Its list: the members carried over (still members on 2025-07-01) and its own.
    const listed = women.filter(
      (f) => (carriedHere(f) && (f.l === null || f.l > "2025-07-01")) || f.org === "HPN-30307-25",
    ).length;
    assert.equal((d.now!.members as { totalCount: number }).totalCount, listed);
    assert.equal(d.old!.after, 0, "an ended committee counts no one after its last day");
    assert.equal(d.old!.last, women.filter((f) => f.org === "HPN-30307" && activeOn(f, "2025-06-30")).length);
    // From 2025-01-01 Mỹ Xuyên's committee counts Đông Xuyên's members too.
    const myXuyen = women.filter(
      (f) => ["30285", "30286"].includes(f.unit) && f.from === null && activeOn(f, "2025-03-01"),
    );
    assert.equal(d.myXuyen!.memberCount, myXuyen.length);
  });

  it("counts in each province 91 committee every member of its organisation: old province, districts, communes and unions", async () => {
    const fields = ALL_ORGANISATION_KINDS.map(
      (k) => `${k}: organisation(id: "${ORGANISATION_KINDS[k].prefix}-91-25") { memberCount(asOf: "${AFTER}") }`,
    );
    const r = await h.run(`{ ${fields.join("\n")} }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    for (const k of ALL_ORGANISATION_KINDS) {
      const expected = facts.filter((f) => f.kind === k && activeOn(f, AFTER)).length;
      assert.ok(expected > 0, k);
      assert.equal((r.data![k] as { memberCount: number }).memberCount, expected, k);
    }
  });

  it("refuses a member for a committee on a day it does not exist, naming the field", async () => {
    for (const [organisationId, joinedOn] of [
      ["HPN-30307", "2025-09-01"],
      ["HPN-30285", "2025-03-01"],
      ["HPN-30307-25", "2025-06-30"],
    ]) {
      for (const language of ["en", "vi"] as const) {
        const r = await h.run(RECORD, {
          identity: ADMIN,
          language,
          variables: { input: { organisationId, fullName: "Lê Thị Ba", gender: "FEMALE", birthYear: 1990, joinedOn } },
        });
        assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${organisationId} ${joinedOn}`);
        const fields = r.errors?.[0]?.extensions?.fields as { path: string; message: string }[];
        assert.equal(fields[0]!.path, "input.organisationId");
        assert.match(fields[0]!.message, language === "en" ? /did not exist on the join date/ : /không tồn tại/);
      }
    }
    // A late record of an old membership still goes to the committee of its day.
    const late = await h.run(RECORD, {
      identity: ADMIN,
      variables: {
        input: {
          organisationId: "HPN-30307",
          fullName: "Lê Thị Bốn",
          gender: "FEMALE",
          birthYear: 1980,
          joinedOn: "2024-05-02",
        },
      },
    });
    assert.equal(late.errors, undefined, JSON.stringify(late.errors));
  });

  it("shows an ended committee's positions on its last day by default, a 2025 committee's today", async () => {
    const r = await h.run(`{
      old: organisation(id: "HND-883") { validTo positions { title holderName termStart termEnd } }
      last: organisation(id: "HND-883") { positions(asOf: "2025-06-30") { title holderName termStart termEnd } }
      today: organisation(id: "HND-883") { positions(asOf: "2026-01-01") { title } }
      now: organisation(id: "HND-30307-25") { positions { termStart } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    type Position = { title: string; holderName: string; termStart: string; termEnd: string | null };
    const d = r.data as Record<string, { validTo?: string; positions: Position[] }>;
    assert.equal(d.old!.validTo, "2025-06-30");
    assert.ok(d.old!.positions.length > 0, "the leaders of its last day");
    assert.deepEqual(d.old!.positions, d.last!.positions);
    assert.deepEqual(d.today!.positions, [], "nobody holds a post in an ended committee");
    assert.ok(d.now!.positions.length > 0 && d.now!.positions.every((p) => p.termStart >= REORGANISATION_2025));
  });

  it("lists under each version of a unit its own committees", async () => {
    const r = await h.run(`{
        myHoa: administrativeUnit(code: "30307", asOf: "2020-01-01") { organisations { id } }
        longXuyen: administrativeUnit(code: "30307") { organisations { id } }
      }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const ids = (k: string) => (r.data![k] as { organisations: { id: string }[] }).organisations.map((o) => o.id);
    assert.deepEqual(ids("myHoa"), ["CCB-30307", "DTN-30307", "HND-30307", "HPN-30307", "MTTQ-30307"]);
    assert.deepEqual(ids("longXuyen"), [
      "CCB-30307-25",
      "DTN-30307-25",
      "HND-30307-25",
      "HPN-30307-25",
      "MTTQ-30307-25",
    ]);
  });
});
