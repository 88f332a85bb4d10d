import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { signIdentity } from "@danvan/kit/identity";
import { postGraphQL, startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";

/** No response may carry internals: stack frames, SQL, file paths. */
function assertNoInternals(r: GraphQLResponse): void {
  assert.doesNotMatch(
    r.text,
    /\bat .+\.(js|ts):\d+|stacktrace|SQLITE_|syntax error at|\/work\/|node_modules|QueryFailedError/i,
    r.text,
  );
}

describe("the federation end to end: real processes, real HTTP", () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(async () => f?.stop());

  it("answers old An Giang's 11 district-level units of 2020 and today's 102 communes through the gateway", async () => {
    const r = await f.query(
      `{ d: administrativeUnits(parentCode: "89", asOf: "2020-06-01") { code name } c: administrativeUnits(parentCode: "91") { code } }`,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined);
    const d = r.body.data!.d as { code: string; name: string }[];
    assert.equal(d.length, 11);
    assert.deepEqual(d.slice(0, 2), [
      { code: "883", name: "Thành phố Long Xuyên" },
      { code: "884", name: "Thành phố Châu Đốc" },
    ]);
    assert.equal((r.body.data!.c as unknown[]).length, 102);
  });

  it("gives coded errors and no stack trace for bad input", async () => {
    const unknown = await f.query(`{ administrativeUnit(code: "99999") { name } }`);
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const tooMany = await f.query(`{ organisations(first: 100000) { totalCount } }`);
    assert.equal(tooMany.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const malformed = await f.query(`{ administrativeUnits(level: DISTRICT) { code `);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors?.[0]?.extensions?.code, "GRAPHQL_PARSE_FAILED");
    const badJson = await postGraphQL(f.gatewayUrl, "{not json");
    assert.equal(badJson.status, 400);
    const unknownField = await f.query(`{ administrativeUnits { password } }`);
    assert.equal(unknownField.body.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    for (const r of [unknown, tooMany, malformed, badJson, unknownField]) assertNoInternals(r);
  });

  it("requires a token for member records and refuses a bad one with 401", async () => {
    const q = `{ organisation(id: "HND-30280") { name members(first: 2) { totalCount } } }`;
    const anonymous = await f.query(q);
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.deepEqual(anonymous.body.errors?.[0]?.path, ["organisation", "members"]);
    // members is nullable: the refusal nulls it alone, and the public committee comes back.
    assert.deepEqual(anonymous.body.data?.organisation, { name: "Hội Nông dân Phường Mỹ Bình", members: null });
    const forged = await f.query(q, {
      token: await f.token({ sub: "mallory", roles: ["ADMIN"] }, { secret: "x".repeat(40) }),
    });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const expired = await f.query(q, { token: await f.token({ sub: "a", roles: ["ADMIN"] }, { expiresIn: "-1m" }) });
    assert.equal(expired.status, 401);
    const officer = await f.query(q, { token: await f.token({ sub: "alice", roles: ["OFFICER"], unitCode: "883" }) });
    assert.equal(officer.body.errors, undefined);
    assert.ok((officer.body.data!.organisation as { members: { totalCount: number } }).members.totalCount > 0);
    for (const r of [anonymous, forged, expired]) assertNoInternals(r);
  });

  it("records a member through the gateway as an officer, idempotently", async () => {
    const token = await f.token({ sub: "alice", roles: ["OFFICER"], unitCode: "883", organisationId: "HND-883" });
    const m = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id fullName organisation { id unit { name } } } }`;
    const input = {
      organisationId: "HND-30280",
      fullName: "Đoàn Văn Đầu Cuối",
      gender: "MALE",
      birthYear: 1991,
      joinedOn: "2020-05-01",
      idempotencyKey: "e2e-record-1",
    };
    const a = await f.query(m, { token, variables: { input } });
    const b = await f.query(m, { token, variables: { input } });
    assert.equal(a.body.errors, undefined, a.text);
    assert.deepEqual(b.body.data, a.body.data);
    assert.equal(
      (a.body.data!.recordMember as { organisation: { unit: { name: string } } }).organisation.unit.name,
      "Phường Mỹ Bình",
    );
  });

  it("has the subgraph refuse any request without the gateway's signature, _entities and _service included", async () => {
    const probes = [
      `{ administrativeUnits { code } }`,
      `{ _service { sdl } }`,
      `query { _entities(representations: [{ __typename: "AdministrativeUnit", code: "883" }]) { ... on AdministrativeUnit { name } } }`,
    ];
    for (const query of probes) {
      const r = await postGraphQL(f.organisationsUrl, { query });
      assert.equal(r.status, 401, query);
      assert.equal(r.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    }
    const forged = await postGraphQL(
      f.organisationsUrl,
      { query: probes[0] },
      { "x-danvan-identity": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." },
    );
    assert.equal(forged.status, 401);
    const health = await fetch(f.organisationsUrl.replace("/graphql", "/livez"));
    assert.equal(health.status, 200);
  });

  it("resolves AdministrativeUnit and Organisation through _entities with the gateway's signed identity", async () => {
    const body = {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name level } ... on Organisation { id kind unit { code } } } }`,
      variables: {
        r: [
          { __typename: "AdministrativeUnit", code: "883" },
          { __typename: "Organisation", id: "HPN-30280" },
          { __typename: "AdministrativeUnit", code: "30280" },
        ],
      },
    };
    const header = await signIdentity(
      { sub: "anonymous", roles: [] },
      { secret: f.secrets.identitySecret, body, requestId: "e2e-1" },
    );
    const r = await postGraphQL(f.organisationsUrl, body, { "x-danvan-identity": header });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.data!._entities, [
      { code: "883", name: "Thành phố Long Xuyên", level: "DISTRICT" },
      { id: "HPN-30280", kind: "WOMENS_UNION", unit: { code: "30280" } },
      { code: "30280", name: "Phường Mỹ Bình", level: "COMMUNE" },
    ]);
    const replay = await postGraphQL(f.organisationsUrl, body, { "x-danvan-identity": header });
    assert.equal(replay.status, 401, "a signed header is good for one request");
  });

  it("serves health endpoints on the gateway", async () => {
    const base = f.gatewayUrl.replace("/graphql", "");
    assert.equal((await fetch(`${base}/livez`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
  });
});
