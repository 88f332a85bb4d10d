import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { postGraphQL, startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import { operation } from "./support/operations.js";

/** Depth, alias, directive, token and cost bombs through the real gateway, per audience. */
describe("query limits at the gateway", () => {
  let f: Federation;
  let analyst: string;
  /** Milliseconds per refusal: one at a time, and while other clients and bombs arrive together. */
  const rejections = { alone: [] as number[], underLoad: [] as number[] };
  let timings = rejections.alone;
  before(async () => {
    f = await startFederation();
    analyst = await f.token({ sub: "analyst-1", roles: ["ANALYST"] });
  });
  after(async () => {
    for (const [when, ms] of Object.entries(rejections)) {
      const sorted = [...ms].sort((a, b) => a - b);
      console.log(
        `${when}: ${sorted.length} bombs refused, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms`,
      );
    }
    await f?.stop();
  });

  async function refused(query: string, limit: string, token?: string): Promise<GraphQLResponse> {
    const t = performance.now();
    const r = await f.query(query, { token });
    timings.push(performance.now() - t);
    assert.equal(r.status, 400, r.text.slice(0, 300));
    assert.equal(r.body.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX", r.text.slice(0, 300));
    assert.equal(r.body.errors?.[0]?.extensions?.limit, limit);
    assert.equal(r.body.data, undefined);
    return r;
  }

  it("refuses a depth bomb, an alias bomb, a directive bomb and a token bomb, coded", async () => {
    const deep = `{ administrativeUnit(code: "30280") { ${"parent { ".repeat(12)}code${" }".repeat(12)} } }`;
    await refused(deep, "depth");
    const aliases = Array.from({ length: 200 }, (_, i) => `u${i}: administrativeUnit(code: "89") { code }`).join(" ");
    await refused(`{ ${aliases} }`, "aliases");
    await refused(`{ administrativeUnit(code: "89") { ${"code @include(if: true) ".repeat(40)} } }`, "directives");
    const r = await refused(`{ ${"__typename ".repeat(6000)} }`, "tokens");
    assert.match(r.body.errors![0]!.message, /tokens limit of 5000/);
  });

  it("prices lists and aggregates: the public's budget refuses a costly query an analyst may run", async () => {
    const costly = `{ administrativeUnits(asOf: "2020-06-01") {
      code
      organisations { kind memberCount newMembers(from: "2019-01-01", to: "2019-12-31") recruitment(year: 2019) { recruited } }
      povertyStatistics(year: 2019) { poor nearPoor }
      petitionStatistics(from: "2019-01-01", to: "2019-12-31") { received }
    } }`;
    const r = await refused(costly, "cost");
    assert.match(r.body.errors![0]!.message, /cost limit of 10000 \(\d+\)/);
    const ok = await f.query(costly, { token: analyst });
    assert.equal(ok.body.errors, undefined, ok.text.slice(0, 300));
    // Both old provinces' units of 2020: old An Giang's 168 and old Kiên Giang's 159.
    assert.equal((ok.body.data!.administrativeUnits as unknown[]).length, 168 + 159);
    // Nested lists multiply: even an analyst cannot ask for every member of every committee at once.
    await refused(
      `{ administrativeUnits { organisations { members(first: 100) { edges { node { id fullName } } } } } }`,
      "cost",
      analyst,
    );
  });

  it("refuses depth, alias, cost and size bombs while it keeps serving other clients, and counts each", async () => {
    const metricsUrl = new URL("/metrics", f.gatewayUrl).href;
    const counts = async (): Promise<Map<string, number>> => {
      const text = await (await fetch(metricsUrl)).text();
      const m = new Map<string, number>();
      for (const [, reason, audience, n] of text.matchAll(
        /^danvan_gateway_rejected_requests_total\{reason="(\w+)",audience="(\w+)"\} (\d+)$/gm,
      ))
        m.set(`${reason}/${audience}`, Number(n));
      return m;
    };
    const before = await counts();
    timings = rejections.underLoad;
    const page = operation("DistrictPage");
    let stop = false;
    let served = 0;
    const failures: string[] = [];
    // Four front-end clients load the district page over and over while the bombs arrive.
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const r = await f.query(page.document, { variables: page.variables });
        if (r.status === 200 && !r.body.errors) served++;
        else failures.push(`${r.status} ${r.text.slice(0, 200)}`);
      }
    });
    const rounds = 20;
    const deep = `{ administrativeUnit(code: "30280") { ${"parent { ".repeat(12)}code${" }".repeat(12)} } }`;
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `u${i}: administrativeUnit(code: "89") { code }`).join(" ")} }`;
    const costly = `{ administrativeUnits { organisations { members(first: 100) { edges { node { id } } } } } }`;
    const huge = JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(2 * 1024 * 1024) } });
    for (let i = 0; i < rounds; i++) {
      await Promise.all([
        refused(deep, "depth"),
        refused(aliases, "aliases"),
        refused(costly, "cost"),
        refused(`{ ${"__typename ".repeat(6000)} }`, "tokens"),
        (async () => {
          const t = performance.now();
          const r = await postGraphQL(f.gatewayUrl, huge);
          timings.push(performance.now() - t);
          assert.equal(r.status, 413);
          assert.equal(r.body.errors?.[0]?.extensions?.code, "PAYLOAD_TOO_LARGE");
        })(),
      ]);
    }
    stop = true;
    await Promise.all(clients);
    timings = rejections.alone;
    assert.deepEqual(failures, [], "a client was failed while the bombs were refused");
    assert.ok(served >= 4, `only ${served} pages served during the bombs`);
    const after = await counts();
    const grew = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    for (const reason of ["depth", "aliases", "cost", "tokens", "body_too_large"])
      assert.equal(grew(`${reason}/public`), rounds, reason);
    console.log(`${rounds * 5} bombs refused while ${served} district pages were served to 4 other clients`);
  });

  it("refuses a subscription (the graph has none) as a bad request, not a server error", async () => {
    const r = await f.query(`subscription { administrativeUnit(code: "89") { name } }`);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors?.[0]?.extensions?.code, "BAD_REQUEST");
  });

  it("keeps serving the pages front-end apps use, for the public, after the bombs", async () => {
    const page = operation("DistrictPage");
    const r = await f.query(page.document, { variables: page.variables });
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
    assert.equal((r.body.data!.administrativeUnit as { children: unknown[] }).children.length, 13);
  });
});
