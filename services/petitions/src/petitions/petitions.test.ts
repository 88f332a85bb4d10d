import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent, placeholders, subtreeCodes, todayInProvince } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { IdentityRead } from "../confidential/denouncer-identity.entity.js";
import { Petition } from "./petition.entity.js";

const SUBMIT = `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id status dueOn version isOverdue } }`;
const FIELDS = `id status dueOn acceptedOn version extensionsUsed isOverdue allowedTransitions history { transition fromStatus toStatus occurredOn actor reason }`;
const HANDLER = { sub: "handler-7", roles: ["HANDLING_OFFICER" as const], unitCode: "883" };

describe("petitions (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const submit = (over: Record<string, unknown> = {}) =>
    h.run(SUBMIT, {
      identity: officerOf("883"),
      variables: {
        input: {
          kind: "DENUNCIATION",
          channel: "DIRECT",
          communeCode: "30280",
          summary: "Tố cáo sai phạm trong cấp đất",
          receivedOn: "2020-03-02",
          complexity: "ESPECIALLY_COMPLEX",
          handlingOfficer: HANDLER.sub,
          denouncer: { fullName: "Phan Văn Bí Mật", phone: "0912345678" },
          idempotencyKey: `submit-${Math.random()}`,
          ...over,
        },
      },
    });
  const INPUT: Record<string, string> = {
    startVerification: "PetitionStepInput",
    withdrawPetition: "PetitionStepInput",
  };
  const step = (mutation: string, input: Record<string, unknown>, identity = officerOf("883")) =>
    h.run(
      `mutation($input: ${INPUT[mutation] ?? mutation[0]!.toUpperCase() + mutation.slice(1) + "Input"}!) { ${mutation}(input: $input) { ${FIELDS} } }`,
      { identity, variables: { input } },
    );

  it("submits once per key, with the acceptance deadline of 10 days and the first event", async () => {
    const key = "petition-key-0001";
    const a = await submit({ idempotencyKey: key });
    const b = await submit({ idempotencyKey: key });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.deepEqual(b.data, a.data);
    assert.deepEqual(a.data!.submitPetition, {
      id: (a.data!.submitPetition as { id: string }).id,
      status: "RECEIVED",
      dueOn: "2020-03-12",
      version: 1,
      isOverdue: true,
    });
    assert.equal(await h.ds.getRepository(Petition).countBy({ summary: "Tố cáo sai phạm trong cấp đất" }), 1);
  });

  it("walks a denunciation through accept, verification, two extensions (a third refused), resolution, with history", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    let r = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2020-03-05" }, HANDLER);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual((r.data!.acceptPetition as { dueOn: string }).dueOn, "2020-04-04");
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

  it("keeps the denouncer's identity to the handling officer, records every read, never shows it elsewhere", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const q = `query($id: ID!) { petition(id: $id) { id summary denouncerIdentity { fullName phone } } }`;
    const officer = await h.run(q, { identity: officerOf("883"), variables: { id } });
    assert.equal(officer.errors?.[0]?.extensions?.code, "FORBIDDEN");
    for (const identity of [ADMIN, ANALYST, { ...HANDLER, sub: "someone-else" }]) {
      assert.equal((await h.run(q, { identity, variables: { id } })).errors?.[0]?.extensions?.code, "FORBIDDEN");
    }
    const reads = () => h.ds.getRepository(IdentityRead).countBy({ petitionId: Number(id) });
    assert.equal(await reads(), 0);
    const handler = await h.run(q, { identity: HANDLER, variables: { id } });
    assert.deepEqual((handler.data!.petition as { denouncerIdentity: unknown }).denouncerIdentity, {
      fullName: "Phan Văn Bí Mật",
      phone: "0912345678",
    });
    assert.equal(await reads(), 1);
    const everything = await h.run(
      `query($id: ID!) { petition(id: $id) { ${FIELDS} summary } petitionStatistics(unitCode: "89", from: "2020-01-01", to: "2020-12-31") { received } }`,
      { identity: ADMIN, variables: { id } },
    );
    assert.doesNotMatch(JSON.stringify(everything), /Bí Mật|0912345678/);
    const audits = await h.ds.getRepository(AuditEvent).findBy({ entityType: "Petition", entityId: id });
    assert.doesNotMatch(JSON.stringify(audits), /Bí Mật|0912345678/);
  });

  it("lists the overdue queue and the due-soon queue from stored due dates", async () => {
    const today = todayInProvince();
    const overdue = await h.run(
      `{ petitions(unitCode: "89", overdue: true, first: 100) { totalCount edges { node { isOverdue status dueOn } } } }`,
      { identity: ADMIN },
    );
    const list = overdue.data!.petitions as {
      totalCount: number;
      edges: { node: { isOverdue: boolean; dueOn: string } }[];
    };
    assert.ok(list.totalCount > 0);
    assert.ok(list.edges.every((e) => e.node.isOverdue && e.node.dueOn < today));
    const soon = await h.run(`{ petitions(unitCode: "89", dueWithinDays: 5) { edges { node { isOverdue } } } }`, {
      identity: ADMIN,
    });
    assert.equal(soon.errors, undefined);
    assert.equal((await h.run(`{ petitions { totalCount } }`)).errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
  });

  it("computes petitionStatistics equal to an independent SQL count", async () => {
    for (const unit of ["89", "883", "30280"]) {
      const r = await h.run(
        `query($u: ID!) { petitionStatistics(unitCode: $u, from: "2019-01-01", to: "2019-12-31") { received resolved resolvedOnTime onTimeRate hotspots resolvedAtGrassroots } }`,
        { variables: { u: unit } },
      );
      const s = r.data!.petitionStatistics as Record<string, number>;
      const codes = subtreeCodes(unit);
      const [row] = (await h.ds.query(
        placeholders(
          h.ds,
          `SELECT COUNT(*) AS received, SUM(CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END) AS resolved,
          SUM(CASE WHEN status = 'RESOLVED' AND (due_on IS NULL OR closed_on <= due_on) THEN 1 ELSE 0 END) AS on_time,
          SUM(CASE WHEN hotspot THEN 1 ELSE 0 END) AS hotspots, SUM(CASE WHEN resolved_at_grassroots THEN 1 ELSE 0 END) AS grassroots
          FROM petition WHERE received_on BETWEEN '2019-01-01' AND '2019-12-31' AND commune_code IN (${codes.map(() => "?").join(", ")})`,
        ),
        codes,
      )) as Record<string, string | number | null>[];
      assert.deepEqual(
        [s.received, s.resolved, s.resolvedOnTime, s.hotspots, s.resolvedAtGrassroots],
        [
          Number(row!.received),
          Number(row!.resolved ?? 0),
          Number(row!.on_time ?? 0),
          Number(row!.hotspots ?? 0),
          Number(row!.grassroots ?? 0),
        ],
      );
      assert.equal(s.onTimeRate, s.resolved ? Math.round((s.resolvedOnTime! / s.resolved) * 10000) / 10000 : 0);
    }
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
});
