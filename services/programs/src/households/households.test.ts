import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Household } from "./household.entity.js";

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id headName memberCount area version unit { code } } }`;
type Problem = { path: string; message: string };
const sorted = (fields: unknown) =>
  [...(fields as Problem[])].sort((a, b) => `${a.path} ${a.message}`.localeCompare(`${b.path} ${b.message}`));
const UPDATE = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id memberCount version } }`;

describe("households (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const input = (over: Record<string, unknown> = {}) => ({
    communeCode: "30280",
    headName: "Trần Văn Hộ",
    memberCount: 4,
    area: "URBAN",
    registeredOn: "2020-01-15",
    ...over,
  });

  it("registers a household once per idempotency key, with an audit event that holds no personal details", async () => {
    const vars = { input: input({ idempotencyKey: "hh-register-0001" }) };
    const a = await h.run(REGISTER, { identity: officerOf("883"), variables: vars });
    const b = await h.run(REGISTER, { identity: officerOf("883"), variables: vars });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.deepEqual(b.data, a.data);
    const id = Number((a.data!.registerHousehold as { id: string }).id);
    assert.equal(await h.ds.getRepository(Household).countBy({ headName: "Trần Văn Hộ" }), 1);
    const events = await h.ds.getRepository(AuditEvent).findBy({ entityType: "Household", entityId: String(id) });
    assert.equal(events.length, 1);
    assert.doesNotMatch(events[0]!.after ?? "", /Trần Văn Hộ/);
  });

  it("refuses bad input with field paths, writing nothing", async () => {
    const before = await h.ds.getRepository(Household).count();
    const bad = await h.run(REGISTER, {
      identity: ADMIN,
      variables: { input: input({ memberCount: 0, headName: "<", address: "x".repeat(201) }) },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(sorted(bad.errors![0]!.extensions!.fields), [
      { path: "input.address", message: "must be 2 to 200 characters" },
      { path: "input.headName", message: "must be 2 to 120 characters" },
      { path: "input.headName", message: "must contain letters, spaces and . ' - only" },
      { path: "input.memberCount", message: "must be at least 1" },
    ]);
    assert.doesNotMatch(JSON.stringify(bad.errors), /<|xxxx/);
    // registeredOn is a Date: a day that does not exist never reaches the resolver.
    const date = await h.run(REGISTER, {
      identity: ADMIN,
      variables: { input: input({ registeredOn: "2020-02-30" }) },
    });
    assert.equal(date.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(date.errors![0]!.message, /input\.registeredOn/);
    const district = await h.run(REGISTER, { identity: ADMIN, variables: { input: input({ communeCode: "88300" }) } });
    assert.equal(district.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual(district.errors![0]!.extensions!.fields, [
      { path: "input.communeCode", message: "does not exist" },
    ]);
    assert.doesNotMatch(JSON.stringify(district.errors), /88300/);
    const scope = await h.run(REGISTER, { identity: officerOf("884"), variables: { input: input() } });
    assert.equal(scope.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(await h.ds.getRepository(Household).count(), before);
  });

  it("says what is wrong in Vietnamese when the caller asks for it, naming no value sent", async () => {
    const bad = await h.run(REGISTER, {
      identity: ADMIN,
      language: "vi",
      variables: { input: input({ headName: "X", communeCode: "3028" }) },
    });
    assert.deepEqual(sorted(bad.errors?.[0]?.extensions?.fields), [
      { path: "input.communeCode", message: "phải là mã xã (5 chữ số)" },
      { path: "input.headName", message: "phải dài từ 2 đến 120 ký tự" },
    ]);
    const missing = await h.run(`{ household(id: "987654321") { id } }`, { identity: ADMIN, language: "vi" });
    assert.equal(missing.errors?.[0]?.message, "Không tìm thấy hộ gia đình");
    assert.deepEqual(missing.errors?.[0]?.extensions, {
      code: "NOT_FOUND",
      fields: [{ path: "id", message: "không tồn tại" }],
    });
    assert.doesNotMatch(JSON.stringify(missing.errors), /987654321/);
    const notAnId = await h.run(`{ household(id: "12ab") { id } }`, { identity: ADMIN, language: "vi" });
    assert.deepEqual(notAnId.errors?.[0]?.extensions?.fields, [
      { path: "id", message: "không phải là mã hộ gia đình" },
    ]);
    const [row] = (await h.ds.query(`SELECT id FROM household WHERE district_code = '883' ORDER BY id LIMIT 1`)) as {
      id: number;
    }[];
    const elsewhere = await h.run(`{ household(id: "${row!.id}") { id } }`, {
      identity: officerOf("884"),
      language: "vi",
    });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(elsewhere.errors?.[0]?.message, "Hộ gia đình này nằm ngoài phạm vi phụ trách của bạn");
  });

  it("updates with a version check: of two concurrent updates one wins, the other gets CONFLICT", async () => {
    const created = await h.run(REGISTER, {
      identity: ADMIN,
      variables: { input: input({ headName: "Lê Thị Xung" }) },
    });
    const { id, version } = created.data!.registerHousehold as { id: string; version: number };
    const [a, b] = await Promise.all(
      [5, 6].map((n) =>
        h.run(UPDATE, {
          identity: ADMIN,
          variables: { input: { householdId: id, memberCount: n, expectedVersion: version } },
        }),
      ),
    );
    assert.deepEqual([a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.code : "OK")).sort(), ["CONFLICT", "OK"]);
    const row = await h.ds.getRepository(Household).findOneByOrFail({ id: Number(id) });
    assert.equal(row.version, version + 1);
  });

  it("shows households to officers in scope, masks them for analysts, refuses the public and other units", async () => {
    const q = `{ households(unitCode: "30280", first: 2) { totalCount edges { node { id headName address unit { code } } } } }`;
    const officer = await h.run(q, { identity: officerOf("30280") });
    const analyst = await h.run(q, { identity: ANALYST });
    type P = { totalCount: number; edges: { node: { headName: string; address: string | null } }[] };
    const o = officer.data!.households as P;
    const a = analyst.data!.households as P;
    assert.ok(o.totalCount > 0);
    assert.equal(a.totalCount, o.totalCount);
    assert.match(a.edges[0]!.node.headName, /^(\p{Lu}\. ?)+$/u);
    assert.notEqual(a.edges[0]!.node.headName, o.edges[0]!.node.headName);
    assert.equal(a.edges[0]!.node.address, null);
    assert.equal((await h.run(q)).errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.equal((await h.run(q, { identity: officerOf("884") })).errors?.[0]?.extensions?.code, "FORBIDDEN");
  });

  it("applies the same rules in _entities: the public cannot read a household by reference", async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { id memberCount } } }`;
    const variables = { r: [{ __typename: "Household", id: "1" }] };
    assert.equal((await h.run(q, { variables })).errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const ok = await h.run(q, { identity: ADMIN, variables });
    assert.equal((ok.data!._entities as { id: string }[])[0]!.id, "1");
  });

  it("pages households of a district with cursors", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const r = await h.run(
        `query($a: String) { households(unitCode: "884", first: 30, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { identity: ADMIN, variables: { a: after } },
      );
      const p = r.data!.households as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string } }[];
      };
      total = p.totalCount;
      for (const e of p.edges) seen.add(e.node.id);
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    assert.equal(seen.size, total);
  });
});
