import "./telemetry.js";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import {
  ANONYMOUS,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  Role,
  verifyIdentity,
  type Identity,
} from "@danvan/kit/identity";
import { READ_PRIMARY_HEADER } from "@danvan/kit/http";
import type { GatewayContext } from "./request-context.js";
import {
  retryingFetcher,
  SignedIdentityDataSource,
  SubgraphUnavailableError,
  timeoutFetcher,
} from "./subgraph-data-source.js";
import { startFakeSubgraph, TEST_IDENTITY_SECRET, type FakeSubgraph } from "./testing/fake-subgraph.js";

const officer: Identity = { sub: "alice", roles: [Role.OFFICER], organisationId: "HND-883", unitCode: "883" };

function options(
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  context: GatewayContext,
  /** The type of the client's operation this fetch serves. */
  incoming?: "query" | "mutation",
) {
  return {
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported by @apollo/gateway).
    kind: "incoming operation",
    request,
    context,
    incomingRequestContext: incoming ? { operation: { kind: "OperationDefinition", operation: incoming } } : {},
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

/** A server that answers every request with one fixed response. */
async function fixedServer(status: number, body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("SignedIdentityDataSource", () => {
  let subgraph: FakeSubgraph;
  before(async () => {
    subgraph = await startFakeSubgraph({
      name: "units",
      typeDefs: `scalar Anything
                 type Query { echo(text: String!, tags: [String!], filter: Anything): String! slow: String }`,
      resolvers: { Query: { echo: (_: unknown, args: { text: string }) => args.text, slow: () => "late" } },
      identitySecret: TEST_IDENTITY_SECRET,
      delayMs: (body) =>
        body.query?.includes("slow") ? 2000 : JSON.stringify(body.variables ?? {}).includes("linger") ? 150 : 0,
    });
  });
  after(() => subgraph.close());

  const source = (timeoutMs = 2000, url?: string) =>
    new SignedIdentityDataSource({
      name: "units",
      url: url ?? subgraph.url,
      identitySecret: TEST_IDENTITY_SECRET,
      timeoutMs,
    });

  it("signs the identity over exactly the body it sends", async () => {
    // Awkward variables on purpose: unicode, integer-like keys (JS reorders them), nesting, nulls.
    const variables = Object.assign(Object.create(null) as Record<string, unknown>, {
      text: 'Thành phố Long Xuyên \u2028 "quoted" \ud83d\ude00',
      tags: ["a", "b"],
      filter: { level: null, codes: ["883", "30280"], 10: "ten", 2: "two" },
      representations: [{ __typename: "AdministrativeUnit", code: "883" }],
    });
    const query =
      "query Echo($text: String!, $tags: [String!], $filter: Anything) { echo(text: $text, tags: $tags, filter: $filter) }";
    const response = await source().process(
      options({ query, variables, operationName: "Echo" }, { identity: officer, requestId: "req-12345678" }),
    );
    assert.deepEqual(response.errors, undefined);
    assert.equal((response.data as { echo: string }).echo, variables.text);

    const captured = subgraph.requests.at(-1)!;
    assert.equal(captured.rejection, undefined, "the fake subgraph refused the identity");
    assert.equal(captured.headers[REQUEST_ID_HEADER], "req-12345678");
    // Independently of the fake subgraph: verify against the raw bytes that went over the wire.
    const verified = await verifyIdentity(captured.headers[IDENTITY_HEADER] as string, {
      secret: TEST_IDENTITY_SECRET,
      body: JSON.parse(captured.rawBody) as object,
    });
    assert.deepEqual(verified.identity, officer);
    assert.equal(verified.requestId, "req-12345678");
    assert.equal(captured.headers.authorization, undefined, "the caller's token must not reach a subgraph");
  });

  it("signs requests without variables or operation name, as the public", async () => {
    const response = await source().process(
      options(
        { query: '{ echo(text: "hi") }' },
        { identity: { sub: "anonymous", roles: [] }, requestId: "r-abcdefgh" },
      ),
    );
    assert.equal((response.data as { echo: string }).echo, "hi");
    const captured = subgraph.requests.at(-1)!;
    assert.equal(captured.rejection, undefined);
    assert.deepEqual(captured.verified?.identity.roles, []);
  });

  it("refuses to let a signed header be reused for another document", async () => {
    await source().process(options({ query: '{ echo(text: "one") }' }, { identity: officer, requestId: "r-abcdefgh" }));
    const header = subgraph.requests.at(-1)!.headers[IDENTITY_HEADER] as string;
    await assert.rejects(
      verifyIdentity(header, { secret: TEST_IDENTITY_SECRET, body: { query: '{ echo(text: "two") }' } }),
      /body-mismatch/,
    );
  });

  it("gives up on a slow subgraph within its timeout, naming the subgraph", async () => {
    const started = Date.now();
    await assert.rejects(
      source(200).process(options({ query: "{ slow }" }, { identity: officer, requestId: "r-abcdefgh" })),
      (err: unknown) => {
        assert.ok(err instanceof SubgraphUnavailableError);
        assert.equal(err.serviceName, "units");
        assert.equal(err.reason, "timeout");
        assert.equal(err.extensions.code, "SUBGRAPH_UNAVAILABLE");
        return true;
      },
    );
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });

  it("reports a subgraph that is down as unavailable", async () => {
    const down = await fixedServer(200, {});
    await down.close();
    await assert.rejects(
      source(2000, down.url).process(options({ query: "{ slow }" }, { identity: officer, requestId: "r-abcdefgh" })),
      (err: unknown) => {
        assert.ok(err instanceof SubgraphUnavailableError);
        assert.equal(err.reason, "ECONNREFUSED");
        return true;
      },
    );
  });

  it("treats a subgraph refusing the identity (401) as unavailable, not as the caller's fault", async () => {
    const wrongSecret = new SignedIdentityDataSource({
      name: "units",
      url: subgraph.url,
      identitySecret: "another-identity-secret-0123456789-abc",
      timeoutMs: 2000,
    });
    await assert.rejects(
      wrongSecret.process(options({ query: "{ slow }" }, { identity: officer, requestId: "r-abcdefgh" })),
      (err: unknown) => {
        assert.ok(err instanceof SubgraphUnavailableError);
        assert.equal(err.reason, "HTTP 401");
        return true;
      },
    );
  });

  it("asks for the primary on every fetch serving a client's mutation, and only then; such reads share with no other", async () => {
    const ds = source();
    const query = "query Echo($text: String!) { echo(text: $text) }";
    const ask = (incoming: "query" | "mutation" | undefined, i: number) =>
      ds.process(
        options(
          { query, variables: { text: "linger" }, operationName: "Echo" },
          { identity: officer, requestId: `req-primary-${i}-00` },
          incoming,
        ),
      );
    const sent = subgraph.requests.length;
    await Promise.all([ask("mutation", 0), ask("query", 1), ask(undefined, 2)]);
    const captured = subgraph.requests.slice(sent);
    assert.equal(captured.length, 2, "the query and the unknown share; the mutation's read goes alone");
    const flags = captured.map((c) => c.headers[READ_PRIMARY_HEADER]).sort();
    assert.deepEqual(flags, ["1", undefined]);
  });

  it("shares one fetch among identical concurrent queries of one caller; never across callers, nor for mutations", async () => {
    const ds = source();
    const query = "query Echo($text: String!) { echo(text: $text) }";
    const ask = (identity: Identity, i: number, q = query) =>
      ds.process(
        options(
          { query: q, variables: { text: "linger" }, operationName: "Echo" },
          { identity, requestId: `req-share-${i}-0000` },
        ),
      );
    let sent = subgraph.requests.length;
    const same = await Promise.all([0, 1, 2, 3, 4].map((i) => ask(officer, i)));
    assert.equal(subgraph.requests.length - sent, 1, "five identical queries, one fetch");
    for (const r of same) assert.deepEqual(r.data, { echo: "linger" });
    (same[0]!.data as { echo: string }).echo = "changed by one caller";
    assert.deepEqual(same[1]!.data, { echo: "linger" }, "each caller gets its own copy");

    sent = subgraph.requests.length;
    await ask(officer, 5);
    assert.equal(subgraph.requests.length - sent, 1, "once answered, the next query goes out again: no caching");

    sent = subgraph.requests.length;
    const others: Identity[] = [officer, { ...officer, sub: "bob" }, { ...officer, unitCode: "30280" }, ANONYMOUS];
    await Promise.all(others.map((identity, i) => ask(identity, 10 + i)));
    assert.equal(subgraph.requests.length - sent, 4, "one fetch per caller");

    sent = subgraph.requests.length;
    const mutation = "mutation Echo($text: String!) { echo(text: $text) }";
    await Promise.all([20, 21].map((i) => ask(officer, i, mutation)));
    assert.equal(subgraph.requests.length - sent, 2, "mutations are never shared");
  });

  it("passes on the GraphQL errors of an HTTP 400 answer (a scalar refusing a variable)", async () => {
    const errors = [{ message: 'Variable "$on" got invalid value', extensions: { code: "BAD_USER_INPUT" } }];
    const server = await fixedServer(400, { errors });
    try {
      const response = await source(2000, server.url).process(
        options({ query: "{ slow }" }, { identity: officer, requestId: "r-abcdefgh" }),
      );
      assert.deepEqual(response.errors, errors);
    } finally {
      await server.close();
    }
  });
});

describe("retryingFetcher", () => {
  /** A server that hangs up without answering on the first `drops` requests, then answers. */
  async function flakyServer(drops: number) {
    let seen = 0;
    const server = http.createServer((req, res) => {
      seen++;
      if (seen <= drops) return void req.socket.destroy();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: { ok: true } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return { url, seen: () => seen, close: () => new Promise((r) => server.close(r)) };
  }
  const send = (url: string, query: string) =>
    retryingFetcher(timeoutFetcher(2000))(url, { method: "POST", body: JSON.stringify({ query }), headers: {} });

  it("sends a query again once when the connection closed before any answer", async () => {
    const s = await flakyServer(1);
    try {
      const res = await send(s.url, "query Q { a }");
      assert.deepEqual(await res.json(), { data: { ok: true } });
      assert.equal(s.seen(), 2);
    } finally {
      await s.close();
    }
  });

  it("never sends a mutation twice, and retries a query only once", async () => {
    const s = await flakyServer(5);
    try {
      await assert.rejects(send(s.url, "mutation M { a }"));
      assert.equal(s.seen(), 1, "the mutation went once");
      await assert.rejects(send(s.url, "query Q { a }"));
      assert.equal(s.seen(), 3, "the query went twice, then gave up");
    } finally {
      await s.close();
    }
  });
});
