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
  const step = (
    mutation: string,
    input: Record<string, unknown>,
    identity = officerOf("883"),
    language: "en" | "vi" = "en",
  ) =>
    h.run(
      `mutation($input: ${INPUT[mutation] ?? mutation[0]!.toUpperCase() + mutation.slice(1) + "Input"}!) { ${mutation}(input: $input) { ${FIELDS} } }`,
      { identity, variables: { input }, language },
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
    const officer = await h.run(q, { identity: officerOf("883"), variables: { id }, language: "vi" });
    assert.equal(officer.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(officer.errors?.[0]?.message, "Chỉ cán bộ được giao xử lý đơn mới được xem thông tin về người tố cáo");
    assert.deepEqual(officer.errors?.[0]?.path, ["petition", "denouncerIdentity"]);
    // Refused the identity, the officer still reads the petition: the refusal nulls that field alone.
    assert.deepEqual(officer.data!.petition, { id, summary: "Tố cáo sai phạm trong cấp đất", denouncerIdentity: null });
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

  it("answers in Vietnamese when asked, naming the kind, status and step in words", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const illegal = await step(
      "resolvePetition",
      { petitionId: id, expectedVersion: 1, on: "2020-03-05", outcome: "UPHELD" },
      officerOf("883"),
      "vi",
    );
    assert.equal(illegal.errors?.[0]?.message, "Đơn tố cáo đang ở trạng thái “đã tiếp nhận” thì không thể giải quyết");
    assert.deepEqual(illegal.errors?.[0]?.extensions, {
      code: "CONFLICT",
      reason: "ILLEGAL_TRANSITION",
      transition: "resolve",
      currentStatus: "RECEIVED",
    });
    const english = await step("resolvePetition", {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-05",
      outcome: "UPHELD",
    });
    assert.equal(english.errors?.[0]?.message, "A denunciation that is received cannot be resolved");
    const backwards = await step(
      "acceptPetition",
      { petitionId: id, expectedVersion: 1, on: "2020-03-01" },
      officerOf("883"),
      "vi",
    );
    assert.equal(backwards.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(backwards.errors?.[0]?.extensions?.fields, [
      { path: "input.on", message: "không được trước ngày của bước xử lý trước đó" },
    ]);
    assert.equal(
      backwards.errors?.[0]?.message,
      "Dữ liệu không hợp lệ: input.on: không được trước ngày của bước xử lý trước đó",
    );
    const stale = await step("acceptPetition", { petitionId: id, expectedVersion: 7, on: "2020-03-05" }, HANDLER, "vi");
    assert.equal(stale.errors?.[0]?.message, "Bản ghi đơn đã được người khác thay đổi; hãy đọc lại");
    assert.equal(stale.errors?.[0]?.extensions?.currentVersion, 1);
  });

  it("never repeats a value it was sent in a NOT_FOUND or BAD_USER_INPUT error", async () => {
    const complaint = ((await submit({ kind: "COMPLAINT", denouncer: null })).data!.submitPetition as { id: string })
      .id;
    const SECRET = "Trần Thị Bảo Mật 0987654321";
    const cases: {
      name: string;
      run: () => ReturnType<Harness["run"]>;
      sent: string[];
      code: string;
      fields: { path: string; message: string }[];
    }[] = [
      {
        name: "an unknown petition",
        run: () => h.run(`{ petition(id: "987654321") { id } }`, { identity: ADMIN }),
        sent: ["987654321"],
        code: "NOT_FOUND",
        fields: [{ path: "id", message: "does not exist" }],
      },
      {
        name: "a malformed petition id",
        run: () =>
          h.run(`query($id: ID!) { petition(id: $id) { id } }`, { identity: ADMIN, variables: { id: SECRET } }),
        sent: [SECRET, "Bảo Mật", "0987654321"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "id", message: "is not a petition id" }],
      },
      {
        name: "a step on an unknown petition",
        run: () => step("acceptPetition", { petitionId: "987654322", expectedVersion: 1, on: "2020-03-05" }),
        sent: ["987654322"],
        code: "NOT_FOUND",
        fields: [{ path: "input.petitionId", message: "does not exist" }],
      },
      {
        name: "an unknown commune",
        run: () => submit({ communeCode: "99999" }),
        sent: ["99999"],
        code: "NOT_FOUND",
        fields: [{ path: "input.communeCode", message: "does not exist" }],
      },
      {
        name: "a receipt date in the future",
        run: () => submit({ receivedOn: "2099-12-31" }),
        sent: ["2099-12-31", "2099"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.receivedOn", message: "must not be in the future" }],
      },
      {
        name: "a step dated before the previous one",
        run: () => step("acceptPetition", { petitionId: complaint, expectedVersion: 1, on: "2020-02-27" }),
        sent: ["2020-02-27", "2020-03-02"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.on", message: "must not be before the date of the previous step" }],
      },
      {
        name: "a refusal ground wrong for the kind",
        run: () =>
          step("refusePetition", {
            petitionId: complaint,
            expectedVersion: 1,
            on: "2020-03-05",
            reason: "FORM_NOT_MET",
          }),
        sent: ["FORM_NOT_MET"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.reason", message: "is not a ground to refuse a complaint" }],
      },
      {
        name: "an over-long summary",
        run: () => submit({ summary: `${SECRET} `.repeat(40) }),
        sent: ["Bảo Mật", "0987654321"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.summary", message: "must be 5 to 1000 characters" }],
      },
      {
        name: "an over-long note",
        run: () =>
          step("acceptPetition", {
            petitionId: complaint,
            expectedVersion: 1,
            on: "2020-03-05",
            note: SECRET.repeat(40),
          }),
        sent: ["Bảo Mật", "0987654321"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "input.note", message: "must be 1 to 1000 characters" }],
      },
      {
        name: "a denouncer's malformed phone and ID number",
        run: () =>
          submit({ denouncer: { fullName: "Trần Thị Bảo Mật", phone: "09-secret-87", idNumber: "0987654321" } }),
        sent: ["Bảo Mật", "secret", "0987654321"],
        code: "BAD_USER_INPUT",
        fields: [
          { path: "input.denouncer.phone", message: "must be a phone number of 8 to 15 digits" },
          { path: "input.denouncer.idNumber", message: "must be an ID card number of 9 or 12 digits" },
        ],
      },
      {
        name: "a due-soon window too wide",
        run: () => h.run(`{ petitions(unitCode: "883", dueWithinDays: 4321) { totalCount } }`, { identity: ADMIN }),
        sent: ["4321"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "dueWithinDays", message: "must be at most 365" }],
      },
      {
        name: "statistics of an unknown unit",
        run: () =>
          h.run(`{ petitionStatistics(unitCode: "12346", from: "2019-01-01", to: "2019-12-31") { received } }`),
        sent: ["12346"],
        code: "NOT_FOUND",
        fields: [{ path: "unitCode", message: "does not exist" }],
      },
      {
        name: "statistics of a period that ends before it starts",
        run: () => h.run(`{ petitionStatistics(unitCode: "883", from: "2019-12-31", to: "2019-01-01") { received } }`),
        sent: ["2019-12-31", "2019-01-01"],
        code: "BAD_USER_INPUT",
        fields: [{ path: "from", message: "must not be after to" }],
      },
    ];
    for (const c of cases) {
      const r = await c.run();
      const error = r.errors?.[0];
      assert.equal(error?.extensions?.code, c.code, `${c.name}: ${JSON.stringify(r.errors)}`);
      assert.deepEqual(error?.extensions?.fields, c.fields, c.name);
      for (const value of c.sent) assert.ok(!JSON.stringify(r.errors).includes(value), `${c.name} repeats ${value}`);
    }
  });

  it("types its dates as Date: an impossible date is refused before any rule runs", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    for (const on of ["2020-02-30", "2020-3-5", "05/03/2020"]) {
      const r = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on });
      assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", on);
      assert.equal(r.data, undefined, on);
    }
    assert.equal((await submit({ receivedOn: "2020-02-31" })).errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const literal = await h.run(
      `{ petitionStatistics(unitCode: "883", from: "2019-02-29", to: "2019-12-31") { received } }`,
    );
    assert.equal(literal.data, undefined);
    assert.ok(literal.errors?.length);
    // The same petition, dated properly, is accepted: the refusals above were the dates'.
    const ok = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2020-03-05" });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  });

  it("keeps the public figures when the petition records are refused (the README's example without a token)", async () => {
    const r = await h.run(
      `{
        petitions(unitCode: "883", overdue: true, first: 10) { totalCount edges { node { id status } } }
        petitionStatistics(unitCode: "89", from: "2019-01-01", to: "2019-12-31") { received resolved onTimeRate }
        receptionCompliance(unitCode: "883", month: "2020-02") { required held compliant }
      }`,
      { language: "vi" },
    );
    assert.equal(r.data!.petitions, null);
    assert.deepEqual(
      r.errors?.map((e) => [e.path, e.extensions?.code, e.message]),
      [[["petitions"], "UNAUTHENTICATED", "Cần có mã xác thực (token) hợp lệ"]],
    );
    assert.ok((r.data!.petitionStatistics as { received: number }).received > 0);
    assert.equal((r.data!.receptionCompliance as { required: number }).required, 2);
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

  it("tells only those who may take the step whether a conclusion names the denouncer", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const guess = {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-05",
      outcome: "UPHELD",
      conclusion: "Phan Văn Bí Mật",
    };
    const outsider = await step("resolvePetition", guess, officerOf("884"));
    assert.equal(outsider.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(outsider.errors?.[0]?.message, "You do not handle this petition");
    const handler = await step("resolvePetition", guess, HANDLER, "vi");
    assert.deepEqual(handler.errors?.[0]?.extensions?.fields, [
      { path: "input.conclusion", message: "không được chứa thông tin về người tố cáo" },
    ]);
  });
});
