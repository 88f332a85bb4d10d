import "./telemetry.js";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Role } from "@danvan/kit/identity";
import { issueDevToken } from "./caller-token.js";
import { loadConfig } from "./config.js";
import { startGateway, type RunningGateway } from "./server.js";
import {
  TEST_IDENTITY_SECRET,
  TEST_TOKEN_SECRET,
  writeSupergraph,
  type FakeSubgraph,
} from "./testing/fake-subgraph.js";
import { startSubgraphs } from "./testing/two-subgraphs.js";

describe("gateway end to end", () => {
  let subgraphs: FakeSubgraph[];
  let gateway: RunningGateway;
  let base: string;
  let supergraph: string;

  before(async () => {
    subgraphs = await startSubgraphs();
    // programs is composed with a dead URL: SUBGRAPH_URL_PROGRAMS must win.
    supergraph = await writeSupergraph([subgraphs[0]!, { ...subgraphs[1]!, url: "http://127.0.0.1:9/graphql" }]);
    gateway = await startGateway(
      loadConfig({
        NODE_ENV: "test",
        PORT: "0",
        SUPERGRAPH_PATH: supergraph,
        SUBGRAPH_URL_PROGRAMS: subgraphs[1]!.url,
        IDENTITY_SECRET: TEST_IDENTITY_SECRET,
        JWT_SECRET: TEST_TOKEN_SECRET,
        SUBGRAPH_TIMEOUT_MS: "250",
        BODY_LIMIT: "4kb",
        SHUTDOWN_GRACE_MS: "500",
        LOG_LEVEL: "silent",
      }),
    );
    base = gateway.url.replace(/\/graphql$/, "");
  });
  after(async () => {
    await gateway?.stop();
    await Promise.all(subgraphs.map((s) => s.close()));
    await rm(path.dirname(supergraph), { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const token = (role: Role, unit?: string) =>
    issueDevToken(
      { sub: "alice", role, ...(unit ? { unit, org: "HND-883" } : {}), ttl: "5m" },
      TEST_TOKEN_SECRET,
      "danvan-dev",
      "danvan-graph",
    );

  it("keeps telemetry off", () => {
    assert.equal(process.env.APOLLO_TELEMETRY_DISABLED, "1");
  });

  it("answers /livez and /readyz", async () => {
    assert.equal((await fetch(`${base}/livez`)).status, 200);
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: "ready" });
  });

  it("plans across both subgraphs for the public, each fetch signed", async () => {
    const res = await post({ query: "{ administrativeUnits(level: DISTRICT) { code name poorRate } }" });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { data: { administrativeUnits: { code: string; poorRate: number }[] } };
    assert.deepEqual(
      body.data.administrativeUnits.map((u) => [u.code, u.poorRate]),
      [
        ["883", 0.0263],
        ["884", 0.05],
      ],
    );
    const entities = subgraphs[1]!.requests.at(-1)!;
    assert.match(entities.body.query ?? "", /_entities/);
    assert.equal(entities.rejection, undefined);
    assert.deepEqual(entities.verified?.identity.roles, []);
  });

  it("forwards the verified caller and the request id", async () => {
    const res = await post(
      { query: "query Me { whoami { sub roles unit org requestId } }", operationName: "Me" },
      { authorization: `Bearer ${await token(Role.OFFICER, "883")}`, "x-request-id": "client-request-0001" },
    );
    assert.equal(res.headers.get("x-request-id"), "client-request-0001");
    assert.deepEqual(await res.json(), {
      data: {
        whoami: { sub: "alice", roles: ["OFFICER"], unit: "883", org: "HND-883", requestId: "client-request-0001" },
      },
    });
    assert.equal(subgraphs[0]!.requests.at(-1)!.headers.authorization, undefined);
  });

  it("refuses a bad token with 401 JSON, never echoing it", async () => {
    const bad = (await token(Role.ADMIN)).slice(0, -4) + "AAAA";
    const res = await post({ query: "{ whoami { sub } }" }, { authorization: `Bearer ${bad}` });
    assert.equal(res.status, 401);
    const text = await res.text();
    assert.equal(JSON.parse(text).errors[0].extensions.code, "UNAUTHENTICATED");
    assert.ok(!text.includes(bad.slice(0, 20)));
  });

  it("answers malformed JSON with 400 and an oversized body with 413, as JSON", async () => {
    const malformed = await post('{"query": "{ whoami { sub } }", ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.headers.get("content-type") ?? "", /application\/json/);
    assert.equal(
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      "BAD_REQUEST",
    );
    const big = await post({ query: `{ whoami { sub } } # ${"x".repeat(5000)}` });
    assert.equal(big.status, 413);
    assert.equal(
      ((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("masks a subgraph's internal error and passes its FORBIDDEN", async () => {
    const res = await post({ query: "{ broken forbidden }" });
    const text = await res.text();
    for (const leak of ["SQLITE", "SELECT", "denouncer", "/srv/danvan", "127.0.0.1"])
      assert.ok(!text.includes(leak), `${leak} leaked: ${text}`);
    const { errors } = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    const codes = errors.map((e) => e.extensions.code).sort();
    assert.deepEqual(codes, ["FORBIDDEN", "INTERNAL_SERVER_ERROR"]);
    const masked = errors.find((e) => e.extensions.code === "INTERNAL_SERVER_ERROR")!;
    assert.equal(masked.message, "Internal server error");
    assert.equal(typeof masked.extensions.errorId, "string");
  });

  it("names a slow subgraph as unavailable within its timeout", async () => {
    const started = Date.now();
    const res = await post({ query: "{ slow }" });
    const elapsed = Date.now() - started;
    const { errors } = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    assert.equal(errors[0]!.message, "Subgraph organisations is unavailable");
    assert.equal(errors[0]!.extensions.code, "SUBGRAPH_UNAVAILABLE");
    assert.equal(errors[0]!.extensions.serviceName, "organisations");
    assert.ok(elapsed < 1500, `took ${elapsed} ms`);
  });

  it("passes validation errors through", async () => {
    const res = await post({ query: "{ nope }" });
    const { errors } = (await res.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(errors[0]!.extensions.code, "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a bad literal argument by path and public scalar, in the caller's language, asking no subgraph", async () => {
    const before = subgraphs[0]!.requests.length;
    const query = `{ a: unitsSince(from: "2019-13-45") { code } b: unitsSince(from: "2019-01-01", filter: { level: TOWN, person: { idNumber: "079123456789" } }) { code } }`;
    const res = await post({ query });
    assert.equal(res.status, 400);
    const text = await res.text();
    for (const sent of ["2019-13-45", "079123456789", "TOWN"]) assert.ok(!text.includes(sent), text);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string; fields: unknown } }[] };
    assert.deepEqual(
      body.errors.map((e) => [e.extensions.code, e.extensions.fields]),
      [
        ["GRAPHQL_VALIDATION_FAILED", [{ path: "from", message: "must be a Date: a real calendar date YYYY-MM-DD" }]],
        ["GRAPHQL_VALIDATION_FAILED", [{ path: "filter.level", message: "must be one of the values of UnitLevel" }]],
        ["GRAPHQL_VALIDATION_FAILED", [{ path: "filter.person.fullName", message: "is required" }]],
      ],
    );
    const vi = (await (await post({ query }, { "accept-language": "vi-VN,vi;q=0.9" })).json()) as typeof body;
    assert.equal(vi.errors[0]!.message, "Đối số không hợp lệ: from: phải là một Date: ngày có thật dạng YYYY-MM-DD");
    assert.equal(subgraphs[0]!.requests.length, before, "no subgraph was asked");
  });

  it("refuses bad variables with 400 BAD_USER_INPUT by path, never quoting what was sent", async () => {
    const query = `query Units($from: Date!, $filter: Filter) { unitsSince(from: $from, filter: $filter) { code } }`;
    const secret = "Nguyễn Thị Bí Mật";
    const res = await post({
      query,
      variables: { from: "30/04/2019", filter: { level: "DISTRICT", person: { idNumber: secret }, nick: secret } },
    });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.ok(!text.includes(secret) && !text.includes("30/04/2019"), text);
    const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    assert.equal(body.errors.length, 1);
    assert.equal(body.errors[0]!.extensions.code, "BAD_USER_INPUT");
    assert.deepEqual(body.errors[0]!.extensions.fields, [
      { path: "from", message: "must be a Date: a real calendar date YYYY-MM-DD" },
      { path: "filter.person.fullName", message: "is required" },
      { path: "filter.nick", message: "is not a field of Filter" },
    ]);
    const ok = await post({ query, variables: { from: "2019-04-30", filter: { level: "DISTRICT" } } });
    assert.equal(ok.status, 200);
  });

  it("forwards the caller's language to the subgraphs, as vi or en", async () => {
    const asked = (language: string) =>
      post({ query: "{ whoami { sub } }" }, { "accept-language": language }).then(
        () => subgraphs[0]!.requests.at(-1)!.headers["accept-language"],
      );
    assert.equal(await asked("vi-VN,vi;q=0.9,en;q=0.8"), "vi");
    assert.equal(await asked("fr-FR"), "en");
  });

  it("serves the IDE page and its local assets to a browser", async () => {
    const page = await fetch(gateway.url, { headers: { accept: "text/html" } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.match(await page.text(), /graphiql\.min\.js/);
    for (const [asset, type] of [
      ["graphiql.min.css", /text\/css/],
      ["react.production.min.js", /javascript/],
      ["react-dom.production.min.js", /javascript/],
      ["graphiql.min.js", /javascript/],
      ["ide.js", /javascript/],
    ] as const) {
      const res = await fetch(`${base}/ide/${asset}`);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get("content-type") ?? "", type, asset);
      await res.arrayBuffer();
    }
    assert.equal((await fetch(`${base}/ide/dev-tokens`)).status, 404, "dev tokens outside development");
  });

  it("answers unknown routes with JSON 404", async () => {
    const res = await fetch(`${base}/nowhere`);
    assert.equal(res.status, 404);
    assert.equal(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      "NOT_FOUND",
    );
  });
});

describe("gateway in development", () => {
  it("serves dev tokens for the IDE's role switcher, and they work", async () => {
    const subgraphs = await startSubgraphs();
    const supergraph = await writeSupergraph(subgraphs);
    // The token secret defaults to data/dev-secrets.json: use a throw-away data folder.
    // (The identity secret is the one the fake subgraphs check.)
    const previous = process.env.DANVAN_DATA_DIR;
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "danvan-gateway-data-"));
    process.env.DANVAN_DATA_DIR = dataDir;
    const gateway = await startGateway(
      loadConfig({
        NODE_ENV: "development",
        PORT: "0",
        SUPERGRAPH_PATH: supergraph,
        IDENTITY_SECRET: TEST_IDENTITY_SECRET,
        LOG_LEVEL: "silent",
        SHUTDOWN_GRACE_MS: "200",
      }),
    );
    try {
      const res = await fetch(new URL("/ide/dev-tokens", gateway.url));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("cache-control"), "no-store");
      const { tokens } = (await res.json()) as { tokens: Record<string, string | null> };
      assert.equal(tokens.public, null);
      const who = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens["handling-officer"]}` },
        body: JSON.stringify({ query: "{ whoami { roles unit } }" }),
      });
      assert.deepEqual(await who.json(), { data: { whoami: { roles: ["HANDLING_OFFICER"], unit: "883" } } });
    } finally {
      await gateway.stop();
      await Promise.all(subgraphs.map((s) => s.close()));
      if (previous === undefined) delete process.env.DANVAN_DATA_DIR;
      else process.env.DANVAN_DATA_DIR = previous;
      await rm(dataDir, { recursive: true, force: true });
      await rm(path.dirname(supergraph), { recursive: true, force: true });
    }
    const after = await fetch(new URL("/readyz", gateway.url)).then(
      (r) => r.status,
      () => "closed",
    );
    assert.equal(after, "closed", "the gateway still listens after stop()");
  });

  it("fails to start with a clear message when the supergraph is missing", async () => {
    await assert.rejects(
      startGateway(
        loadConfig({
          NODE_ENV: "test",
          PORT: "0",
          SUPERGRAPH_PATH: "/nonexistent/supergraph.graphql",
          IDENTITY_SECRET: TEST_IDENTITY_SECRET,
          JWT_SECRET: TEST_TOKEN_SECRET,
          LOG_LEVEL: "silent",
        }),
      ),
      /supergraph not found at .*npm run schema/,
    );
  });
});
