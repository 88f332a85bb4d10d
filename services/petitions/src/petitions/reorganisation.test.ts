import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { PetitionsAcrossTheChange1764200000100 } from "../../migrations/1764200000100-petitions-across-the-change.js";
import { petitionSteps } from "./petition-steps.fixture.js";

const READ = `query($id: ID!) { petition(id: $id) {
  id status version dueOn acceptanceDueOn extensionsUsed unit { code validFrom } handlingUnit { code validFrom }
  handledBy { id } history { transition fromStatus toStatus occurredOn actor note unit { code validFrom } } } }`;
const QUEUE = `{ petitions(status: UNDER_VERIFICATION, first: 100) { edges { node { id } } } }`;
const BODY = `query($id: ID!) { _entities(representations: [{ __typename: "Organisation", id: $id }]) {
  ... on Organisation { petitions(first: 100) { edges { node { id } } } } } }`;
const FORWARD = `mutation($input: ForwardPetitionInput!) { forwardPetition(input: $input) { id status forwardedTo { id } } }`;

interface Step {
  transition: string;
  fromStatus: string | null;
  toStatus: string;
  occurredOn: string;
  actor: string;
  note: string | null;
  unit: { code: string; validFrom: string } | null;
}
interface Read {
  id: string;
  status: string;
  version: number;
  dueOn: string | null;
  acceptanceDueOn: string | null;
  extensionsUsed: number;
  unit: { code: string; validFrom: string };
  handlingUnit: { code: string; validFrom: string };
  handledBy: { id: string } | null;
  history: Step[];
}

const LONG_XUYEN = { code: "30307", validFrom: "2025-07-01" };
const OFFICER_2025 = officerOf("30307");

/**
 * Issue 27: a petition open at the 2025 reorganisation moves to the unit that took its commune
 * (units/reorganisation.ts), by migration 1764200000100 for a database that has it, or by its
 * first step after 2025-07-01 when it was entered later; forwarding names a body that exists on
 * the day. SQLite and PostgreSQL (TEST_DATABASE=postgres).
 */
describe("petitions across the 2025 reorganisation (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);
  const read = async (id: string, identity = OFFICER_2025) => {
    const r = await h.run(READ, { identity, variables: { id } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petition as Read;
  };
  // Received on the 2025 map: by the 2025 ward's officer (an officer of the old city 883 has no scope there).
  const submitted = async (over: Record<string, unknown>) => {
    const receivedOn = (over.receivedOn as string | undefined) ?? "";
    const by = receivedOn >= "2025-07-01" ? OFFICER_2025 : officerOf("883");
    const r = await submit({ handledByOrganisationId: "MTTQ-30285", ...over }, by);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data!.submitPetition as { id: string }).id;
  };
  const ok = async (mutation: string, input: Record<string, unknown>, identity = officerOf("883")) => {
    const r = await step(mutation, input, identity);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  };
  const migrate = async () => {
    const runner = h.ds.createQueryRunner();
    try {
      await new PetitionsAcrossTheChange1764200000100().up(runner);
    } finally {
      await runner.release();
    }
  };

  let open = "";
  let closed = "";
  let before2025: Read;

  it("moves a petition of 2024 at Đông Xuyên, open at the change, to Phường Long Xuyên once, keeping its deadlines", async () => {
    // Received at Phường Đông Xuyên (30285), which merged into Mỹ Xuyên on 2025-01-01 and so into Long Xuyên.
    open = await submitted({ communeCode: "30285", receivedOn: "2024-03-04" });
    await ok("acceptPetition", { petitionId: open, expectedVersion: 1, on: "2024-03-06" });
    await ok("startVerification", { petitionId: open, expectedVersion: 2, on: "2024-03-08" });
    await ok("extendDeadline", { petitionId: open, expectedVersion: 3, on: "2024-03-20", days: 30 });
    closed = await submitted({ communeCode: "30285", receivedOn: "2024-03-05" });
    await ok("refusePetition", { petitionId: closed, expectedVersion: 1, on: "2024-03-07", reason: "NOT_CONCRETE" });
    before2025 = await read(open);

    await migrate();
    await migrate();
    const p = await read(open);
    const moves = p.history.filter((s) => s.transition === "reorganise");
    assert.equal(moves.length, 1, "the migration run twice writes the step once");
    assert.deepEqual(p.history.at(-1), moves[0]);
    assert.deepEqual(
      { ...moves[0]!, note: null },
      {
        transition: "reorganise",
        fromStatus: "UNDER_VERIFICATION",
        toStatus: "UNDER_VERIFICATION",
        occurredOn: "2025-07-01",
        actor: "reorganisation-2025",
        note: null,
        unit: LONG_XUYEN,
      },
    );
    assert.match(moves[0]!.note!, /Phường Long Xuyên \(mã 30307\).*1654\/NQ-UBTVQH15.*202\/2025\/QH15/);
    assert.deepEqual(p.handlingUnit, LONG_XUYEN);
    assert.deepEqual(p.handledBy, { id: "MTTQ-30307-25" }, "the Front's committee of the 2025 ward");
    assert.deepEqual(p.unit, { code: "30285", validFrom: "2010-01-01" }, "the figures' commune stays the receipt's");
    const keep = ({ status, dueOn, acceptanceDueOn, extensionsUsed }: Read) => ({
      status,
      dueOn,
      acceptanceDueOn,
      extensionsUsed,
    });
    assert.deepEqual(keep(p), keep(before2025), "status, deadlines and extensions unchanged");
    assert.equal(p.version, before2025.version + 1);

    const c = await read(closed);
    assert.equal(c.history.filter((s) => s.transition === "reorganise").length, 0, "a closed one does not move");
    assert.deepEqual(c.handlingUnit, { code: "30285", validFrom: "2010-01-01" });
    assert.deepEqual(c.handledBy, { id: "MTTQ-30285" });
  });

  it("is in the queues of an officer of Phường Long Xuyên: the unit's and its committee's", async () => {
    const queue = await h.run(QUEUE, { identity: OFFICER_2025 });
    assert.equal(queue.errors, undefined, JSON.stringify(queue.errors));
    const ids = (queue.data!.petitions as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    assert.ok(ids.includes(open), "the 2025 ward's officer sees its predecessors' open petitions");
    const body = await h.run(BODY, { identity: OFFICER_2025, variables: { id: "MTTQ-30307-25" } });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const handled = (body.data!._entities as { petitions: { edges: { node: { id: string } }[] } }[])[0]!.petitions;
    assert.ok(handled.edges.some((e) => e.node.id === open));
    // An officer of another 2025 ward neither reads it nor sees the committee's petitions.
    const other = await h.run(READ, { identity: officerOf("30292"), variables: { id: open } });
    assert.equal(other.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const otherBody = await h.run(BODY, { identity: officerOf("30292"), variables: { id: "MTTQ-30307-25" } });
    assert.equal(otherBody.errors?.[0]?.extensions?.code, "FORBIDDEN");
  });

  it("shows the handling unit and the step's unit to analysts as record fields, never to the public", async () => {
    const a = await read(open, ANALYST);
    assert.deepEqual(a.handlingUnit, LONG_XUYEN);
    const move = a.history.find((s) => s.transition === "reorganise")!;
    assert.deepEqual([move.unit, move.note], [LONG_XUYEN, null], "the note is free text: hidden from analysts");
    const anonymous = await h.run(READ, { variables: { id: open } });
    assert.equal(anonymous.data?.petition ?? null, null);
    assert.ok(anonymous.errors?.length);
  });

  it("moves a petition entered after the migration when its first step after the change is recorded", async () => {
    const late = await submitted({
      communeCode: "30285",
      receivedOn: "2024-05-06",
      handledByOrganisationId: "MTTQ-883",
    });
    await ok("acceptPetition", { petitionId: late, expectedVersion: 1, on: "2026-01-05" }, OFFICER_2025);
    const p = await read(late);
    assert.deepEqual(
      p.history.map((s) => [s.transition, s.occurredOn, s.unit?.code ?? null]),
      [
        ["receive", "2024-05-06", null],
        ["reorganise", "2025-07-01", "30307"],
        ["accept", "2026-01-05", null],
      ],
    );
    assert.deepEqual([p.version, p.status], [3, "ACCEPTED"]);
    assert.deepEqual(p.handledBy, { id: "MTTQ-30307-25" }, "a district committee's petition goes to the ward too");
  });

  it("forwards to a body that exists on the day: not an ended district's, a 2025 ward's and province 91's", async () => {
    const id = await submitted({
      communeCode: "30307",
      receivedOn: "2026-01-05",
      handledByOrganisationId: "MTTQ-30307-25",
    });
    const base = { petitionId: id, expectedVersion: 1, on: "2026-01-06", legalBasis: "Luật Tố cáo 2018, Điều 12" };
    for (const language of ["en", "vi"] as const) {
      const refused = await h.run(FORWARD, {
        identity: OFFICER_2025,
        variables: { input: { ...base, toBodyId: "UBND-883" } },
        language,
      });
      assert.equal(refused.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      const [field] = refused.errors![0]!.extensions!.fields as { path: string; message: string }[];
      assert.equal(field!.path, "input.toBodyId");
      assert.match(
        field!.message,
        language === "en" ? /in force on the forwarding day/ : /đang tồn tại vào ngày chuyển đơn/,
      );
    }
    const ended = await h.run(FORWARD, {
      identity: OFFICER_2025,
      variables: { input: { ...base, toBodyId: "UBND-30285" } },
    });
    assert.equal(ended.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", "Đông Xuyên ended in 2024");
    const accepted = await h.run(FORWARD, {
      identity: OFFICER_2025,
      variables: { input: { ...base, toBodyId: "UBND-30307" } },
    });
    assert.equal(accepted.errors, undefined, JSON.stringify(accepted.errors));
    assert.deepEqual(accepted.data!.forwardPetition, { id, status: "FORWARDED", forwardedTo: { id: "UBND-30307" } });
    const other = await submitted({ communeCode: "30307", receivedOn: "2026-01-05", handledByOrganisationId: null });
    const province = await h.run(FORWARD, {
      identity: OFFICER_2025,
      variables: { input: { ...base, petitionId: other, toBodyId: "TTR-91" } },
    });
    assert.equal(province.errors, undefined, JSON.stringify(province.errors));
  });
});
