import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { testDatabaseKind } from "@danvan/kit/testing";
import { postGraphQL, startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import { DocumentFuzzer } from "./support/fuzz.js";

/** 2,500 documents per database, each pass its own (a seed per database): 5,000 different ones in a full run. */
const DOCUMENTS = 2_500;
const SEED = testDatabaseKind() === "postgres" ? 20261126 : 20261125;
const PARALLEL = 8;
/** What must never reach a client: stack frames, SQL, paths, driver names, secrets' names. */
const INTERNALS =
  /\bat .+\.(js|ts):\d+|stacktrace|SQLITE_|QueryFailedError|syntax error at|relation "|\bSELECT\b.+\bFROM\b|\/work\/|node_modules|IDENTITY_SECRET|JWT_SECRET/i;

/**
 * Generated and mutated documents with random variables, as the public and as an
 * analyst, through the real gateway: no 5xx, no internal error, no internal detail, and the
 * graph still answers afterwards.
 */
describe("fuzzing the gateway with generated and mutated documents", () => {
  let f: Federation;
  before(async () => {
    f = await startFederation();
  });
  after(async () => f?.stop());

  it(`answers ${DOCUMENTS} fuzzed documents without a 5xx, an internal error or an internal detail`, async () => {
    const intro = await postGraphQL(f.gatewayUrl, { query: getIntrospectionQuery() });
    const fuzzer = new DocumentFuzzer(buildClientSchema(intro.body.data as unknown as IntrospectionQuery), SEED);
    const analyst = await f.token({ sub: "fuzz-analyst", roles: ["ANALYST"] });
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < DOCUMENTS) {
        const i = sent++;
        const { query, variables } = fuzzer.next();
        const r: GraphQLResponse = await f.query(query, {
          token: i % 2 ? analyst : undefined,
          variables: variables as Record<string, unknown> | undefined,
        });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        for (const e of r.body.errors ?? []) {
          const code = String(e.extensions?.code ?? "NONE");
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        const internal = r.body.errors?.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
        if (r.status >= 500 || internal || INTERNALS.test(r.text))
          failures.push(`${r.status} ${query.slice(0, 300)} -> ${r.text.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(`statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`error codes ${JSON.stringify(Object.fromEntries(codes))}`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} bad answers`);
    assert.equal(
      [...statuses.values()].reduce((a, b) => a + b, 0),
      DOCUMENTS,
    );
    // Still serving, and every process still alive.
    const health = await f.query(`{ administrativeUnit(code: "89") { name } }`);
    assert.deepEqual(health.body.data, { administrativeUnit: { name: "Tỉnh An Giang" } });
    assert.equal(f.gateway.child.exitCode, null);
  });
});
