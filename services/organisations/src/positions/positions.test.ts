import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { LeadershipPosition } from "./leadership-position.entity.js";

const RECORD = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id title termStart termEnd version } }`;
const END = `mutation($input: EndPositionTermInput!) { endPositionTerm(input: $input) { id termEnd version } }`;

describe("leadership positions (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const position = (over: Record<string, unknown> = {}) => ({
    organisationId: "HPN-30283",
    title: "STANDING_MEMBER",
    holderName: "Huỳnh Thị Thường Trực",
    termStart: "2020-01-01",
    ...over,
  });

  it("takes termStart and termEnd as Date: an impossible date is refused, writing nothing", async () => {
    const before = await h.ds.getRepository(LeadershipPosition).count();
    for (const over of [{ termStart: "2020-02-30" }, { termEnd: "2024-9-30" }, { termStart: "1/1/2020" }]) {
      const r = await h.run(RECORD, { identity: ADMIN, variables: { input: position(over) } });
      assert.ok(r.errors?.length, `${JSON.stringify(over)} refused`);
      assert.equal(r.data, undefined, `${JSON.stringify(over)} refused before any resolver runs`);
    }
    assert.equal(await h.ds.getRepository(LeadershipPosition).count(), before);
  });

  it("names the fault in the caller's language, never echoing the value", async () => {
    const chair = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: position({ organisationId: "HND-30280", title: "CHAIR", holderName: "Trương Văn Trùng" }) },
      language: "vi",
    });
    assert.equal(chair.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(
      chair.errors?.[0]?.message,
      "Tổ chức này đã có người giữ chức chủ tịch trong một phần thời gian của nhiệm kỳ này",
    );
    const backwards = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: position({ termEnd: "2019-12-31" }) },
      language: "vi",
    });
    assert.deepEqual(backwards.errors?.[0]?.extensions?.fields, [
      { path: "input.termEnd", message: "không được trước ngày bắt đầu nhiệm kỳ (termStart)" },
    ]);
    const name = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: position({ holderName: "Robert'); DROP TABLE--" }) },
      language: "vi",
    });
    assert.deepEqual(name.errors?.[0]?.extensions?.fields, [
      { path: "input.holderName", message: "chỉ được gồm chữ cái, dấu cách và các ký tự . ' -" },
    ]);
    assert.ok(!JSON.stringify(name.errors).includes("DROP"), "the name sent is not echoed");
    const unknown = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: position({ organisationId: "HPN-99999" }) },
    });
    assert.equal(unknown.errors?.[0]?.message, "No such organisation");
    assert.ok(!JSON.stringify(unknown.errors).includes("99999"), "the id sent is not echoed");
  });

  it("ends a term once, after it began, with a version check", async () => {
    const created = await h.run(RECORD, { identity: officerOf("883"), variables: { input: position() } });
    assert.equal(created.errors, undefined);
    const { id, version } = created.data!.recordPosition as { id: string; version: number };
    const end = (termEnd: string, expectedVersion = version, positionId = id) => ({
      input: { positionId, termEnd, expectedVersion },
    });
    const early = await h.run(END, { identity: ADMIN, variables: end("2019-06-30") });
    assert.deepEqual(early.errors?.[0]?.extensions?.fields, [
      { path: "input.termEnd", message: "must not be before termStart" },
    ]);
    const other = await h.run(END, { identity: officerOf("884"), variables: end("2024-09-30") });
    assert.equal(other.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(other.data?.endPositionTerm, null);
    const ok = await h.run(END, { identity: officerOf("883"), variables: end("2024-09-30") });
    assert.deepEqual(ok.data?.endPositionTerm, { id, termEnd: "2024-09-30", version: version + 1 });
    const again = await h.run(END, { identity: ADMIN, variables: end("2024-10-31", version + 1), language: "vi" });
    assert.deepEqual(again.errors?.[0]?.extensions?.fields, [
      { path: "input.positionId", message: "nhiệm kỳ của chức danh này đã kết thúc" },
    ]);
    const missing = await h.run(END, { identity: ADMIN, variables: end("2024-09-30", 1, "7654321") });
    assert.equal(missing.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(missing.errors?.[0]?.message, "No such leadership position");
    assert.deepEqual(missing.errors?.[0]?.extensions?.fields, [
      { path: "input.positionId", message: "does not exist" },
    ]);
    assert.ok(!JSON.stringify(missing.errors).includes("7654321"), "the id sent is not echoed");
    const malformed = await h.run(END, { identity: ADMIN, variables: end("2024-09-30", 1, "12-a") });
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "input.positionId", message: "is not a leadership position id" },
    ]);
  });
});
