import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { communeOfTheDay, REORGANISATION_2025 } from "@danvan/kit/units";
import { placeholders } from "@danvan/kit";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";

const RECORD = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id } }`;
const DAY = "2026-01-01";
/** Xã Vĩnh Châu (30334) went in part into 30316 and 30325; 30358 into 30337, 30346 and 30352. */
const SPLIT: Record<string, string[]> = {
  "HPN-30334": ["HPN-30316-25", "HPN-30325-25"],
  "HPN-30358": ["HPN-30337-25", "HPN-30346-25", "HPN-30352-25"],
};
const PARTS = [...new Set(Object.values(SPLIT).flat())];

/**
 * A member recorded through the API in a split commune's committee (joined before 2025-07-01) is
 * carried, in the same transaction, to the part where they live by the kit's rule (issue 27):
 * memberCount of that part's 2025 committee counts them, the other parts do not, the province
 * once. SQLite and PostgreSQL (TEST_DATABASE=postgres).
 */
describe("recordMember in a split commune's committee (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const counts = async (): Promise<Map<string, number>> => {
    const fields = [...PARTS, "HPN-91-25", "HPN-30334"].map(
      (id, i) => `c${i}: organisation(id: "${id}") { id on: memberCount(asOf: "${DAY}") }`,
    );
    const r = await h.run(`{ ${fields.join("\n")} }`, { identity: ADMIN });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return new Map(Object.values(r.data as Record<string, { id: string; on: number }>).map((o) => [o.id, o.on]));
  };
  const record = async (organisationId: string, fullName: string, idempotencyKey?: string) => {
    const r = await h.run(RECORD, {
      identity: ADMIN,
      variables: {
        input: { organisationId, fullName, gender: "FEMALE", birthYear: 1985, joinedOn: "2024-05-02", idempotencyKey },
      },
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return Number((r.data!.recordMember as { id: string }).id);
  };
  const carryOf = async (memberId: number) =>
    (await h.ds.query(placeholders(h.ds, `SELECT to_id, on_date FROM member_carry WHERE member_id = ?`), [
      memberId,
    ])) as { to_id: string; on_date: unknown }[];

  it("carries each to the part where they live: that part counts them, the others and the old committee do not", async () => {
    const before = await counts();
    const recorded: { id: number; from: string }[] = [];
    // Consecutive ids: the rule (id modulo the number of parts) sends them to different parts.
    for (const [from, parts] of Object.entries(SPLIT))
      for (let i = 0; i < parts.length; i++)
        recorded.push({ id: await record(from, `Võ Thị ${["An", "Bình", "Cúc"][i]}`), from });
    const expected = new Map<string, number>();
    for (const m of recorded) {
      const code = communeOfTheDay(m.from.split("-")[1]!, "2025-06-30", REORGANISATION_2025, m.id);
      const to = `HPN-${code}-25`;
      assert.ok(SPLIT[m.from]!.includes(to), to);
      const rows = await carryOf(m.id);
      assert.deepEqual(
        rows.map((r) => [r.to_id, String(r.on_date).slice(0, 10)]),
        [[to, REORGANISATION_2025]],
      );
      expected.set(to, (expected.get(to) ?? 0) + 1);
    }
    // Every part of each split commune got one of them: not all in the first part by code.
    assert.deepEqual([...expected.keys()].sort(), [...PARTS].sort());
    const now = await counts();
    for (const p of PARTS) assert.equal(now.get(p)! - before.get(p)!, expected.get(p), p);
    // The province's committee counts each once, though it reaches them through every part.
    assert.equal(now.get("HPN-91-25")! - before.get("HPN-91-25")!, recorded.length);
    assert.equal(now.get("HPN-30334"), 0, "an ended committee counts no one after its last day");
  });

  it("writes one carry row for a replayed request, none for a committee that was not split", async () => {
    const first = await record("HPN-30334", "Đỗ Thị Lặp", "carry-replay-1");
    const again = await record("HPN-30334", "Đỗ Thị Lặp", "carry-replay-1");
    assert.equal(again, first);
    assert.equal((await carryOf(first)).length, 1);
    const whole = await record("HPN-30280", "Đỗ Thị Nguyên");
    assert.deepEqual(await carryOf(whole), []);
  });
});
