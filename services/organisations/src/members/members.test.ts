import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Member } from "./member.entity.js";

const RECORD = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id fullName status version joinedOn organisation { id } } }`;
const EXIT = `mutation($input: RecordMemberExitInput!) { recordMemberExit(input: $input) { id status leftOn version } }`;

describe("members (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const input = (over: Record<string, unknown> = {}) => ({
    organisationId: "HND-30280",
    fullName: "Trần Thị Thử",
    gender: "FEMALE",
    birthYear: 1990,
    joinedOn: "2020-03-01",
    ...over,
  });

  it("keeps member records from the public and from officers of other units, answering the rest", async () => {
    const q = `{ organisation(id: "HND-30280") { name memberCount(asOf: "2020-01-01") members(first: 2) { totalCount edges { node { id fullName } } } } }`;
    const anonymous = await h.run(q);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const other = await h.run(q, { identity: officerOf("884") });
    assert.equal(other.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(other.errors?.[0]?.message, "This organisation is outside your scope");
    for (const refused of [anonymous, other]) {
      const o = refused.data?.organisation as { name: string; memberCount: number; members: unknown };
      assert.equal(o.name, "Hội Nông dân Phường Mỹ Bình", "the committee itself is still answered");
      assert.ok(o.memberCount > 0);
      assert.equal(o.members, null);
      assert.deepEqual(refused.errors?.[0]?.path, ["organisation", "members"]);
    }
    const vi = await h.run(q, { identity: officerOf("884"), language: "vi" });
    assert.equal(vi.errors?.[0]?.message, "Tổ chức này nằm ngoài phạm vi phụ trách của bạn");
    const own = await h.run(q, { identity: officerOf("883") });
    assert.equal(own.errors, undefined);
  });

  it("answers an unknown or malformed member id by path, never echoing it", async () => {
    const unknown = await h.run(`{ member(id: "7654321") { id } }`, { identity: ADMIN });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.message, "No such member");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "id", message: "does not exist" }]);
    assert.ok(!JSON.stringify(unknown.errors).includes("7654321"), "the id sent is not echoed");
    // Beyond what an integer column holds: refused as input, not a database error.
    const tooLarge = await h.run(`{ member(id: "98765432109") { id } }`, { identity: ADMIN, language: "vi" });
    assert.equal(tooLarge.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(tooLarge.errors?.[0]?.extensions?.fields, [
      { path: "id", message: "không phải là mã đoàn viên, hội viên" },
    ]);
    assert.ok(!JSON.stringify(tooLarge.errors).includes("98765432109"), "the id sent is not echoed");
    const vi = await h.run(`{ member(id: "7654321") { id } }`, { identity: ADMIN, language: "vi" });
    assert.equal(vi.errors?.[0]?.message, "Không tìm thấy đoàn viên, hội viên");
    assert.deepEqual(vi.errors?.[0]?.extensions?.fields, [{ path: "id", message: "không tồn tại" }]);
  });

  it("masks names for analysts and shows them to officers in scope", async () => {
    const q = `{ organisation(id: "HND-30280") { members(first: 3) { edges { node { id fullName } } } } }`;
    const officer = await h.run(q, { identity: officerOf("30280") });
    const analyst = await h.run(q, { identity: ANALYST });
    type E = { edges: { node: { id: string; fullName: string } }[] };
    const names = (officer.data!.organisation as { members: E }).members.edges.map((e) => e.node.fullName);
    const masked = (analyst.data!.organisation as { members: E }).members.edges.map((e) => e.node.fullName);
    assert.equal(names.length, 3);
    names.forEach((n, i) => {
      assert.notEqual(masked[i], n);
      assert.equal(
        masked[i],
        n
          .split(" ")
          .map((p) => `${[...p][0]}.`)
          .join(" "),
      );
    });
  });

  it("records a member, once per idempotency key, with an audit event in the same transaction", async () => {
    const key = "client-req-0001";
    const first = await h.run(RECORD, {
      identity: officerOf("883"),
      variables: { input: input({ idempotencyKey: key }) },
    });
    assert.equal(first.errors, undefined);
    const retry = await h.run(RECORD, {
      identity: officerOf("883"),
      variables: { input: input({ idempotencyKey: key }) },
    });
    const a = first.data!.recordMember as { id: string; status: string; version: number };
    assert.equal((retry.data!.recordMember as { id: string }).id, a.id);
    assert.equal(a.status, "ACTIVE");
    assert.equal(await h.ds.getRepository(Member).countBy({ fullName: "Trần Thị Thử" }), 1);
    assert.equal(await h.ds.getRepository(AuditEvent).countBy({ entityType: "Member", entityId: a.id }), 1);
  });

  it("refuses bad input with BAD_USER_INPUT naming each field, never echoing the value, writing nothing", async () => {
    const before = await h.ds.getRepository(Member).count();
    const bad = await h.run(RECORD, {
      identity: ADMIN,
      variables: {
        input: input({ fullName: "X<script>", organisationId: "hnd/30280", idempotencyKey: "short" }),
      },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(
      (bad.errors![0]!.extensions!.fields as { path: string; message: string }[]).sort((a, b) =>
        a.path.localeCompare(b.path),
      ),
      [
        { path: "input.fullName", message: "must contain letters, spaces and . ' - only" },
        { path: "input.idempotencyKey", message: "must be 8 to 200 characters" },
        { path: "input.organisationId", message: "must be an organisation id such as HND-883" },
      ],
    );
    for (const sent of ["<script>", "hnd/30280", "short"]) {
      assert.ok(!JSON.stringify(bad.errors).includes(sent), `${sent} is not echoed`);
    }
    const long = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ fullName: "Lê".repeat(61) }) } });
    assert.deepEqual(long.errors?.[0]?.extensions?.fields, [
      { path: "input.fullName", message: "must be 2 to 120 characters" },
    ]);
    const future = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ joinedOn: "2099-01-01" }) } });
    assert.deepEqual(future.errors?.[0]?.extensions?.fields, [
      { path: "input.joinedOn", message: "must not be in the future" },
    ]);
    assert.ok(!JSON.stringify(future.errors).includes("2099"), "the date sent is not echoed");
    const young = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ birthYear: 2010 }) },
      language: "vi",
    });
    assert.deepEqual(young.errors?.[0]?.extensions?.fields, [
      {
        path: "input.birthYear",
        message:
          "Hội Nông dân chỉ kết nạp người từ 18 tuổi trở lên, tính theo năm gia nhập (Điều lệ Hội Nông dân Việt Nam (2018), chương Hội viên)",
      },
    ]);
    const unknownOrg = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ organisationId: "HND-99999" }) },
    });
    assert.equal(unknownOrg.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual(unknownOrg.errors?.[0]?.extensions?.fields, [
      { path: "input.organisationId", message: "does not exist" },
    ]);
    assert.ok(!JSON.stringify(unknownOrg.errors).includes("99999"), "the id sent is not echoed");
    const outOfScope = await h.run(RECORD, { identity: officerOf("884"), variables: { input: input() } });
    assert.equal(outOfScope.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(await h.ds.getRepository(Member).count(), before);
  });

  it("takes joinedOn and leftOn as Date: an impossible or malformed date is refused, writing nothing", async () => {
    const before = await h.ds.getRepository(Member).count();
    for (const joinedOn of ["2019-02-29", "2020-13-45", "01/03/2020", "2020-3-1"]) {
      const r = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ joinedOn }) } });
      assert.ok(r.errors?.length, `${joinedOn} refused`);
      assert.equal(r.data, undefined, `${joinedOn} refused before any resolver runs`);
    }
    const leap = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ fullName: "Đỗ Thị Nhuận", joinedOn: "2020-02-29" }) },
    });
    assert.equal(leap.errors, undefined);
    assert.equal((leap.data!.recordMember as { joinedOn: string }).joinedOn, "2020-02-29");
    const exit = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: "1", status: "CEASED", leftOn: "2021-02-29", expectedVersion: 1 } },
    });
    assert.ok(exit.errors?.length);
    assert.equal(exit.data, undefined);
    assert.equal(await h.ds.getRepository(Member).count(), before + 1);
  });

  it("answers each mutation of a document on its own: one refused, the other recorded", async () => {
    const r = await h.run(
      `mutation($ok: RecordMemberInput!, $bad: RecordMemberInput!) {
        ok: recordMember(input: $ok) { fullName }
        bad: recordMember(input: $bad) { fullName }
      }`,
      {
        identity: officerOf("883"),
        variables: { ok: input({ fullName: "Ngô Thị Đúng" }), bad: input({ organisationId: "HND-30316" }) },
      },
    );
    assert.deepEqual(r.data, { ok: { fullName: "Ngô Thị Đúng" }, bad: null });
    assert.deepEqual(r.errors?.[0]?.path, ["bad"]);
    assert.equal(r.errors?.[0]?.extensions?.code, "FORBIDDEN");
  });

  it("records an exit with a version check: the second of two concurrent exits gets CONFLICT", async () => {
    const created = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ fullName: "Lê Văn Xung Đột" }) },
    });
    const { id, version } = created.data!.recordMember as { id: string; version: number };
    const exit = (status: string) => ({
      input: { memberId: id, status, leftOn: "2020-06-30", expectedVersion: version },
    });
    const [a, b] = await Promise.all([
      h.run(EXIT, { identity: ADMIN, variables: exit("TRANSFERRED") }),
      h.run(EXIT, { identity: ADMIN, variables: exit("CEASED") }),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.code : "OK")).sort();
    assert.deepEqual(outcomes, ["CONFLICT", "OK"]);
    const row = await h.ds.getRepository(Member).findOneByOrFail({ id: Number(id) });
    assert.equal(row.version, version + 1);
    assert.equal(row.leftOn, "2020-06-30");
  });

  it("refuses an exit before the join date or of a membership that has ended", async () => {
    const created = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ fullName: "Phạm Văn Rời" }) } });
    const { id } = created.data!.recordMember as { id: string };
    const early = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "CEASED", leftOn: "2019-01-01", expectedVersion: 1 } },
    });
    assert.deepEqual(early.errors?.[0]?.extensions?.fields, [
      { path: "input.leftOn", message: "must not be before the join date" },
    ]);
    const earlyVi = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "ACTIVE", leftOn: "2019-01-01", expectedVersion: 1 } },
      language: "vi",
    });
    assert.deepEqual(earlyVi.errors?.[0]?.extensions?.fields, [
      {
        path: "input.status",
        message:
          "phải là TRANSFERRED (chuyển sinh hoạt), CEASED (thôi sinh hoạt) hoặc DECEASED (từ trần) khi ghi nhận việc kết thúc",
      },
      { path: "input.leftOn", message: "không được trước ngày gia nhập" },
    ]);
    const unknown = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: "7654321", status: "CEASED", leftOn: "2020-05-01", expectedVersion: 1 } },
    });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "input.memberId", message: "does not exist" }]);
    assert.ok(!JSON.stringify(unknown.errors).includes("7654321"), "the id sent is not echoed");
    await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "CEASED", leftOn: "2020-05-01", expectedVersion: 1 } },
    });
    const again = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "DECEASED", leftOn: "2020-07-01", expectedVersion: 2 } },
    });
    assert.deepEqual(again.errors?.[0]?.extensions?.fields, [
      { path: "input.memberId", message: "the membership has already ended" },
    ]);
    const stale = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "DECEASED", leftOn: "2020-07-01", expectedVersion: 1 } },
      language: "vi",
    });
    assert.equal(stale.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(stale.errors?.[0]?.message, "Bản ghi đoàn viên, hội viên đã được người khác thay đổi; hãy đọc lại");
    assert.equal(stale.errors?.[0]?.extensions?.currentVersion, 2);
  });

  it("records positions with one chair at a time", async () => {
    const q = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id title holderName } }`;
    const clash = await h.run(q, {
      identity: ADMIN,
      variables: {
        input: { organisationId: "HND-30280", title: "CHAIR", holderName: "Võ Văn Hai", termStart: "2020-01-01" },
      },
    });
    assert.equal(clash.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(clash.errors?.[0]?.message, "The committee already has a chair for part of this term");
    const vice = await h.run(q, {
      identity: ADMIN,
      variables: {
        input: { organisationId: "HND-30280", title: "VICE_CHAIR", holderName: "Võ Văn Hai", termStart: "2020-01-01" },
      },
    });
    assert.equal(vice.errors, undefined);
    const backwards = await h.run(q, {
      identity: ADMIN,
      variables: {
        input: {
          organisationId: "HND-30280",
          title: "MEMBER",
          holderName: "Võ Văn Ba",
          termStart: "2020-01-01",
          termEnd: "2019-01-01",
        },
      },
    });
    assert.deepEqual(backwards.errors?.[0]?.extensions?.fields, [
      { path: "input.termEnd", message: "must not be before termStart" },
    ]);
  });
});
