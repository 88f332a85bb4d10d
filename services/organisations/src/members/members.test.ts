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

  it("keeps member records from the public and from officers of other units", async () => {
    const q = `{ organisation(id: "HND-30280") { members(first: 2) { totalCount edges { node { id fullName } } } } }`;
    const anonymous = await h.run(q);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const other = await h.run(q, { identity: officerOf("884") });
    assert.equal(other.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const own = await h.run(q, { identity: officerOf("883") });
    assert.equal(own.errors, undefined);
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
      variables: { input: input({ fullName: "X<script>", joinedOn: "2020-13-45" }) },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const paths = (bad.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    assert.deepEqual(paths, ["input.fullName", "input.joinedOn"]);
    assert.ok(!JSON.stringify(bad.errors).includes("<script>"), "the value is not echoed");
    const future = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ joinedOn: "2099-01-01" }) } });
    assert.deepEqual(future.errors?.[0]?.extensions?.fields, [
      { path: "input.joinedOn", message: "must not be in the future" },
    ]);
    const impossible = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ joinedOn: "2019-02-30" }) },
    });
    assert.equal((impossible.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.joinedOn");
    const unknownOrg = await h.run(RECORD, {
      identity: ADMIN,
      variables: { input: input({ organisationId: "HND-99999" }) },
    });
    assert.equal(unknownOrg.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const outOfScope = await h.run(RECORD, { identity: officerOf("884"), variables: { input: input() } });
    assert.equal(outOfScope.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(await h.ds.getRepository(Member).count(), before);
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
    await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "CEASED", leftOn: "2020-05-01", expectedVersion: 1 } },
    });
    const again = await h.run(EXIT, {
      identity: ADMIN,
      variables: { input: { memberId: id, status: "DECEASED", leftOn: "2020-07-01", expectedVersion: 2 } },
    });
    assert.equal((again.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.memberId");
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
    assert.equal((backwards.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.termEnd");
  });
});
