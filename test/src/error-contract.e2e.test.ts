import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@danvan/kit";
import { postGraphQL, type Federation, type GraphQLResponse } from "./support/federation.js";
import { readOnlyFederation } from "./support/shared-federation.js";

/**
 * The error contract (README, "Errors"), code by code, through the gateway: each README example
 * is run as written and its answer compared with the one the README shows (HTTP status, codes,
 * error paths, `extensions.fields` paths, which fields came back null); the codes that need a
 * broken setup (a subgraph down, a safelist, a broken database) are provoked here.
 */
interface Example {
  code: string;
  as: string;
  status: number;
  query: string;
  variables?: Record<string, unknown>;
  answer: GraphQLResponse["body"];
}

function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("\n## Errors"),
    readme.indexOf("\n## ", readme.indexOf("\n## Errors") + 5),
  );
  const block = (lang: string) => "```" + lang + "\\n((?:(?!```)[\\s\\S])*)```";
  const pattern = new RegExp(
    "<!-- error example: (\\w+) as: ([\\w-]+) -->\\s*" +
      block("graphql") +
      "\\s*(?:with variables\\s*" +
      block("json") +
      "\\s*)?answers HTTP (\\d{3})[^`]*" +
      block("json"),
    "g",
  );
  return [...section.matchAll(pattern)].map((m) => ({
    code: m[1]!,
    as: m[2]!,
    query: m[3]!,
    ...(m[4] ? { variables: JSON.parse(m[4]) as Record<string, unknown> } : {}),
    status: Number(m[5]),
    answer: JSON.parse(m[6]!) as GraphQLResponse["body"],
  }));
}

/** What an answer is made of, values aside: codes, paths, field paths, nulls. */
function shape(body: GraphQLResponse["body"]) {
  const nulls = (value: unknown, at: string): string[] =>
    value === null
      ? [at]
      : value && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => nulls(v, at ? `${at}.${k}` : k))
        : [];
  return {
    data: body.data === undefined ? "absent" : body.data === null ? "null" : nulls(body.data, "").sort(),
    errors: (body.errors ?? []).map((e) => ({
      code: e.extensions?.code,
      path: e.path?.join(".") ?? null,
      fields: ((e.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path),
    })),
  };
}

describe("the error contract, code by code", () => {
  let f: Federation;
  const tokens = new Map<string, string | undefined>();
  const examples = readmeExamples();

  before(async () => {
    f = await readOnlyFederation();
    tokens.set("public", undefined);
    tokens.set("officer-883", await f.token({ sub: "officer-883", roles: ["OFFICER"], unitCode: "883" }));
    tokens.set("officer-884", await f.token({ sub: "officer-884", roles: ["OFFICER"], unitCode: "884" }));
    tokens.set("analyst", await f.token({ sub: "analyst", roles: ["ANALYST"] }));
    tokens.set("admin", await f.token({ sub: "admin", roles: ["ADMIN"] }));
  });
  after(async () => f?.stop());

  it("the README shows one example for each code a query can meet", () => {
    assert.deepEqual([...new Set(examples.map((e) => e.code))].sort(), [
      "BAD_USER_INPUT",
      "CONFLICT",
      "FORBIDDEN",
      "GRAPHQL_PARSE_FAILED",
      "GRAPHQL_VALIDATION_FAILED",
      "NOT_FOUND",
      "QUERY_TOO_COMPLEX",
      "UNAUTHENTICATED",
    ]);
  });

  for (const example of readmeExamples()) {
    it(`${example.code}: the README's example answers as shown (as ${example.as})`, async () => {
      assert.ok(tokens.has(example.as), `no caller "${example.as}" in this test`);
      const r = await f.query(example.query, { token: tokens.get(example.as), variables: example.variables });
      assert.equal(r.status, example.status, r.text.slice(0, 400));
      assert.deepEqual(shape(r.body), shape(example.answer), r.text.slice(0, 600));
      assert.ok(r.body.errors?.some((e) => e.extensions?.code === example.code));
      // The same error in Vietnamese: same code and paths, other words.
      const vi = await f.query(example.query, {
        token: tokens.get(example.as),
        variables: example.variables,
        headers: { "accept-language": "vi" },
      });
      assert.deepEqual(shape(vi.body), shape(r.body));
      assert.notEqual(vi.body.errors?.[0]?.message, r.body.errors?.[0]?.message);
    });
  }

  it("BAD_REQUEST and PAYLOAD_TOO_LARGE: a body that is not JSON, or too large, as coded JSON", async () => {
    const notJson = await postGraphQL(f.gatewayUrl, "{ not json", { "accept-language": "vi" });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.errors?.[0]?.extensions?.code, "BAD_REQUEST");
    assert.equal(notJson.body.errors?.[0]?.message, "Nội dung yêu cầu không phải là JSON hợp lệ");
    const big = await postGraphQL(f.gatewayUrl, { query: `{ __typename }`, padding: "x".repeat(2_000_000) });
    assert.equal(big.status, 413);
    assert.equal(big.body.errors?.[0]?.extensions?.code, "PAYLOAD_TOO_LARGE");
  });

  it("UNAUTHENTICATED: a broken token is a 401, never an anonymous answer", async () => {
    const r = await f.query("{ __typename }", { headers: { authorization: "Bearer x.y.z", "accept-language": "vi" } });
    assert.equal(r.status, 401);
    assert.equal(r.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.equal(r.body.errors?.[0]?.message, "Mã xác thực (token) sai định dạng");
  });

  it("PERSISTED_QUERY_NOT_FOUND: a hash the gateway has not seen", async () => {
    const r = await postGraphQL(f.gatewayUrl, {
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    assert.equal(r.body.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
  });

  it("SUBGRAPH_UNAVAILABLE: a subgraph down nulls its fields alone, naming it", async () => {
    const replica = await f.startReplica({ SUBGRAPH_URL_PROGRAMS: "http://127.0.0.1:9/graphql" });
    const r = await f.query(
      `{ units: administrativeUnits(level: PROVINCE) { code } poverty: povertyStatistics(unitCode: "89", year: 2019) { poor } }`,
      { url: replica, headers: { "accept-language": "vi" } },
    );
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.data, { units: [{ code: "91" }], poverty: null });
    assert.equal(r.body.errors?.[0]?.extensions?.code, "SUBGRAPH_UNAVAILABLE");
    assert.equal(r.body.errors?.[0]?.extensions?.serviceName, "programs");
    assert.equal(r.body.errors?.[0]?.message, "Dịch vụ con programs hiện không phục vụ được");
  });

  it("OPERATION_NOT_SAFELISTED: an ad-hoc query for the public where only the apps' operations run", async () => {
    const replica = await f.startReplica({
      SAFELIST_MANIFEST: path.join(repoRoot, "schema/operations.manifest.json"),
    });
    const r = await f.query(`{ administrativeUnits(level: PROVINCE) { code } }`, { url: replica });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors?.[0]?.extensions?.code, "OPERATION_NOT_SAFELISTED");
  });
});
