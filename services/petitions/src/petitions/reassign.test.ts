import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { HANDLER, petitionSteps } from "./petition-steps.fixture.js";

const REASSIGN = `mutation($input: ReassignPetitionInput!) { reassignPetition(input: $input) { id version status dueOn history { transition fromStatus toStatus occurredOn actor } } }`;
const OFFICER_OF = `query($id: ID!) { petition(id: $id) { id } }`;

describe("reassignPetition (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit } = petitionSteps(() => h);
  const reassign = (input: Record<string, unknown>, identity = officerOf("883"), language: "en" | "vi" = "en") =>
    h.run(REASSIGN, { identity, variables: { input }, language });

  it("hands the petition to another officer as a recorded step, once per key, keeping status and deadline", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string; dueOn: string }).id;
    const input = {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-03",
      handlingOfficer: "handler-9",
      handledByOrganisationId: "MTTQ-883",
      idempotencyKey: "reassign-key-0001",
    };
    const a = await reassign(input);
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const b = await reassign(input);
    assert.deepEqual(b.data, a.data, "a retry with the key returns the first answer");
    const p = a.data!.reassignPetition as { version: number; status: string; dueOn: string; history: unknown[] };
    assert.deepEqual([p.version, p.status, p.dueOn], [2, "RECEIVED", "2020-03-16"]);
    assert.deepEqual(p.history.at(-1), {
      transition: "reassign",
      fromStatus: "RECEIVED",
      toStatus: "RECEIVED",
      occurredOn: "2020-03-03",
      actor: officerOf("883").sub,
    });
    const [row] = (await h.ds.query(
      `SELECT handling_officer, handled_by_organisation_id FROM petition WHERE id = ${Number(id)}`,
    )) as { handling_officer: string; handled_by_organisation_id: string }[];
    assert.deepEqual([row!.handling_officer, row!.handled_by_organisation_id], ["handler-9", "MTTQ-883"]);
    // The former handling officer no longer handles it; the new one does.
    const former = await h.run(OFFICER_OF, { identity: HANDLER, variables: { id } });
    assert.equal(former.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const now = await h.run(OFFICER_OF, { identity: { ...HANDLER, sub: "handler-9" }, variables: { id } });
    assert.equal(now.errors, undefined, JSON.stringify(now.errors));
  });

  it("checks the version, the date, the officer, and who may reassign", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const base = { petitionId: id, expectedVersion: 1, on: "2020-03-03", handlingOfficer: "handler-9" };
    const stale = await reassign({ ...base, expectedVersion: 4 });
    assert.deepEqual(
      [stale.errors?.[0]?.extensions?.code, stale.errors?.[0]?.extensions?.currentVersion],
      ["CONFLICT", 1],
    );
    const backwards = await reassign({ ...base, on: "2020-03-01" });
    assert.equal((backwards.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.on");
    const same = await reassign({ ...base, handlingOfficer: HANDLER.sub }, officerOf("883"), "vi");
    assert.deepEqual(same.errors?.[0]?.extensions?.fields, [
      { path: "input.handlingOfficer", message: "phải khác cán bộ đang được giao xử lý" },
    ]);
    const outOfScope = await reassign(base, officerOf("884"));
    assert.equal(outOfScope.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const byHandler = await reassign(base, HANDLER);
    assert.ok(["FORBIDDEN", "UNAUTHENTICATED"].includes(String(byHandler.errors?.[0]?.extensions?.code)));
    const missing = await reassign({ ...base, petitionId: "987654321" }, ADMIN);
    assert.equal(missing.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const ok = await reassign(base, ADMIN);
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    const raced = await reassign({ ...base, handlingOfficer: "handler-10" }, ADMIN);
    assert.equal(raced.errors?.[0]?.extensions?.code, "CONFLICT");
  });
});
