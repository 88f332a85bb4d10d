import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent } from "@danvan/kit";
import { officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Petition } from "./petition.entity.js";
import { HANDLER, petitionSteps } from "./petition-steps.fixture.js";

describe("petition mutations (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);

  it("submits once per key, with the acceptance deadline of 10 working days and the first event", async () => {
    const key = "petition-key-0001";
    const a = await submit({ idempotencyKey: key });
    const b = await submit({ idempotencyKey: key });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.deepEqual(b.data, a.data);
    assert.deepEqual(a.data!.submitPetition, {
      id: (a.data!.submitPetition as { id: string }).id,
      status: "RECEIVED",
      dueOn: "2020-03-16", // an especially complex denunciation: 10 working days (Art. 24(1))
      version: 1,
      isOverdue: true,
    });
    assert.equal(await h.ds.getRepository(Petition).countBy({ summary: "Tố cáo sai phạm trong cấp đất" }), 1);
  });

  it("walks a denunciation through accept, verification, two extensions (a third refused), resolution, with history", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    let r = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2020-03-05" }, HANDLER);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    // 30 days → Sat 4/4/2020, rolled over to Mon 6/4 (Civil Code 2015, Art. 148(5)).
    assert.deepEqual((r.data!.acceptPetition as { dueOn: string }).dueOn, "2020-04-06");
    r = await step("startVerification", { petitionId: id, expectedVersion: 2, on: "2020-03-06" }, HANDLER);
    r = await step("extendDeadline", { petitionId: id, expectedVersion: 3, on: "2020-03-20" }, HANDLER);
    assert.equal((r.data!.extendDeadline as { dueOn: string }).dueOn, "2020-05-04");
    r = await step("extendDeadline", { petitionId: id, expectedVersion: 4, on: "2020-04-20" }, HANDLER);
    assert.equal((r.data!.extendDeadline as { dueOn: string }).dueOn, "2020-06-03");
    const third = await step("extendDeadline", { petitionId: id, expectedVersion: 5, on: "2020-05-01" }, HANDLER);
    assert.equal(third.errors?.[0]?.extensions?.code, "CONFLICT");
    const leaky = await step(
      "resolvePetition",
      {
        petitionId: id,
        expectedVersion: 5,
        on: "2020-05-30",
        outcome: "UPHELD",
        conclusion: "Ông phan văn  BÍ MẬT (0912 345 678) tố cáo đúng.",
      },
      HANDLER,
    );
    assert.deepEqual(leaky.errors?.[0]?.extensions?.fields, [
      { path: "input.conclusion", message: "must not contain the denouncer's information" },
    ]);
    assert.doesNotMatch(JSON.stringify(leaky.errors), /BÍ MẬT|0912/i);
    r = await step(
      "resolvePetition",
      { petitionId: id, expectedVersion: 5, on: "2020-05-30", outcome: "UPHELD", conclusion: "Kết luận: tố cáo đúng." },
      HANDLER,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const p = r.data!.resolvePetition as {
      status: string;
      isOverdue: boolean;
      allowedTransitions: string[];
      history: { transition: string; actor: string }[];
    };
    assert.equal(p.status, "RESOLVED");
    assert.equal(p.isOverdue, false);
    assert.deepEqual(p.allowedTransitions, []);
    assert.deepEqual(
      p.history.map((e) => e.transition),
      ["receive", "accept", "startVerification", "extendDeadline", "extendDeadline", "resolve"],
    );
    assert.ok(p.history.slice(1).every((e) => e.actor === HANDLER.sub));
    assert.equal(await h.ds.getRepository(AuditEvent).countBy({ entityType: "Petition", entityId: id }), 6);
  });

  it("refuses an illegal transition, a stale version, and a step dated backwards, with codes", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const illegal = await step("resolvePetition", {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-05",
      outcome: "UPHELD",
    });
    assert.equal(illegal.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(illegal.errors?.[0]?.extensions?.reason, "ILLEGAL_TRANSITION");
    const stale = await step("acceptPetition", { petitionId: id, expectedVersion: 9, on: "2020-03-05" });
    assert.equal(stale.errors?.[0]?.extensions?.code, "CONFLICT");
    const backwards = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2020-03-01" });
    assert.equal((backwards.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.on");
    const [a, b] = await Promise.all(
      [1, 2].map(() => step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2020-03-05" })),
    );
    assert.deepEqual([a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.code : "OK")).sort(), ["CONFLICT", "OK"]);
  });

  it("refuses a withdrawn complaint further steps, and an anonymous denunciation is referable but not processed", async () => {
    const c = (
      (await submit({ kind: "COMPLAINT", complexity: "NORMAL", denouncer: null })).data!.submitPetition as {
        id: string;
      }
    ).id;
    const w = await step("withdrawPetition", { petitionId: c, expectedVersion: 1, on: "2020-03-04" });
    assert.equal((w.data!.withdrawPetition as { status: string }).status, "WITHDRAWN");
    assert.equal(
      (await step("acceptPetition", { petitionId: c, expectedVersion: 2, on: "2020-03-05" })).errors?.[0]?.extensions
        ?.code,
      "CONFLICT",
    );
    const d = ((await submit({ anonymous: true, denouncer: null })).data!.submitPetition as { id: string }).id;
    const n = await step("markNotProcessable", {
      petitionId: d,
      expectedVersion: 1,
      on: "2020-03-04",
      reason: "ANONYMOUS",
    });
    assert.equal((n.data!.markNotProcessable as { status: string }).status, "NOT_PROCESSED_AS_DENUNCIATION");
    const ref = await step("referForInspection", {
      petitionId: d,
      expectedVersion: 2,
      on: "2020-03-06",
      contentIsConcrete: true,
    });
    assert.equal((ref.data!.referForInspection as { status: string }).status, "REFERRED_FOR_INSPECTION");
    const bad = await submit({ kind: "COMPLAINT", denouncer: { fullName: "Không Được" } });
    assert.equal((bad.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.denouncer");
    assert.doesNotMatch(JSON.stringify(bad.errors), /Không Được/);
  });

  it("lets a refused mutation null itself alone, not the other mutations of the document", async () => {
    const id = ((await submit({ kind: "COMPLAINT", denouncer: null })).data!.submitPetition as { id: string }).id;
    const r = await h.run(
      `mutation($missing: PetitionStepInput!, $real: AcceptPetitionInput!) {
        startVerification(input: $missing) { id }
        acceptPetition(input: $real) { id status }
      }`,
      {
        identity: officerOf("883"),
        variables: {
          missing: { petitionId: "987654323", expectedVersion: 1, on: "2020-03-05" },
          real: { petitionId: id, expectedVersion: 1, on: "2020-03-05" },
        },
      },
    );
    assert.equal(r.data!.startVerification, null);
    assert.deepEqual(r.data!.acceptPetition, { id, status: "ACCEPTED" });
    assert.deepEqual(
      r.errors?.map((e) => [e.path, e.extensions?.code]),
      [[["startVerification"], "NOT_FOUND"]],
    );
  });
});
