import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { HANDLER, petitionSteps } from "./petition-steps.fixture.js";

describe("petition errors: words, codes and fields (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);

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
});
