import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { officerOf, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "./petition-steps.fixture.js";

const READ = `query($id: ID!) { petition(id: $id) {
  receivedAt unit { code validFrom } handlingUnit { code validFrom } handledBy { id }
  history { transition unit { code validFrom } } } }`;

interface Read {
  receivedAt: string;
  unit: { code: string; validFrom: string };
  handlingUnit: { code: string; validFrom: string };
  handledBy: { id: string } | null;
  history: { transition: string; unit: { code: string; validFrom: string } | null }[];
}

/**
 * Issue 27: a petition may be received at the province itself (its Citizen Reception Committee), not
 * only at a commune: the province's Front committee of the day handles it, and at the 2025
 * reorganisation one received at old An Giang (89) and still open passes to the merged province 91.
 * Only the province's officers record such a receipt. SQLite and PostgreSQL (TEST_DATABASE=postgres).
 */
describe("petitions received at the province (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);
  const read = async (id: string) => {
    const r = await h.run(READ, { identity: officerOf("91"), variables: { id } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petition as Read;
  };
  const count = async () => Number(((await h.ds.query(`SELECT COUNT(*) AS n FROM petition`)) as { n: string }[])[0]!.n);

  it("records a 2026 receipt at province 91, handled by its Front committee, the commune it concerns kept", async () => {
    const r = await submit({ receivedAt: "PROVINCE", communeCode: "30307", receivedOn: "2026-02-02" }, officerOf("91"));
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const p = await read((r.data!.submitPetition as { id: string }).id);
    assert.equal(p.receivedAt, "PROVINCE");
    assert.deepEqual(p.unit, { code: "30307", validFrom: "2025-07-01" });
    assert.deepEqual(p.handlingUnit, { code: "91", validFrom: "2025-07-01" });
    assert.deepEqual(p.handledBy, { id: "MTTQ-91-25" });
  });

  it("refuses a province receipt from a commune's officer, writing nothing; the commune's own receipt stays theirs", async () => {
    const before = await count();
    const r = await submit(
      { receivedAt: "PROVINCE", communeCode: "30307", receivedOn: "2026-02-03" },
      officerOf("30307"),
    );
    assert.equal(r.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(await count(), before);
    const own = await submit({ communeCode: "30307", receivedOn: "2026-02-03" }, officerOf("30307"));
    assert.equal(own.errors, undefined, JSON.stringify(own.errors));
    const p = await read((own.data!.submitPetition as { id: string }).id);
    assert.equal(p.receivedAt, "COMMUNE");
    assert.deepEqual(p.handlingUnit, { code: "30307", validFrom: "2025-07-01" });
  });

  it("moves a receipt at old An Giang (89), open at the change, to province 91 by its first step after it", async () => {
    const r = await submit({ receivedAt: "PROVINCE", communeCode: "30280", receivedOn: "2025-05-05" }, officerOf("89"));
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const id = (r.data!.submitPetition as { id: string }).id;
    const p = await read(id);
    assert.deepEqual(
      [p.receivedAt, p.handlingUnit, p.handledBy],
      ["PROVINCE", { code: "89", validFrom: "2010-01-01" }, { id: "MTTQ-89" }],
    );
    const accepted = await step(
      "acceptPetition",
      { petitionId: id, expectedVersion: 1, on: "2025-05-07" },
      officerOf("91"),
    );
    assert.equal(accepted.errors, undefined, JSON.stringify(accepted.errors));
    const verifying = await step(
      "startVerification",
      { petitionId: id, expectedVersion: 2, on: "2025-07-08" },
      officerOf("91"),
    );
    assert.equal(verifying.errors, undefined, JSON.stringify(verifying.errors));
    const moved = await read(id);
    assert.deepEqual(moved.handlingUnit, { code: "91", validFrom: "2025-07-01" });
    assert.deepEqual(moved.handledBy, { id: "MTTQ-91-25" });
    assert.equal(moved.receivedAt, "PROVINCE");
    assert.deepEqual(
      moved.history.filter((s) => s.transition === "reorganise").map((s) => s.unit),
      [{ code: "91", validFrom: "2025-07-01" }],
    );
    assert.deepEqual(
      moved.unit,
      { code: "30280", validFrom: "2010-01-01" },
      "the figures' commune stays the receipt's",
    );
  });
});
