import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { requestBodyHash, signIdentity } from "@danvan/kit/identity";
import { SUBGRAPHS } from "@danvan/scripts/subgraphs";
import { postGraphQL, type Federation } from "./support/federation.js";
import { readOnlyFederation } from "./support/shared-federation.js";

/**
 * The gateway–subgraph trust boundary, for every subgraph: only a request carrying an identity
 * the gateway signed, for that very body, once and recently, is served — `_service` and
 * `_entities` included. Anything else is a 401 with nothing of the data.
 */
describe("every subgraph refuses calls that do not come from the gateway", () => {
  let f: Federation;
  let checks = 0;
  before(async () => {
    f = await readOnlyFederation();
  });
  after(async () => {
    console.log(`${checks} direct-call refusals checked across ${SUBGRAPHS.length} subgraphs`);
    await f?.stop();
  });

  const probes = [
    `{ _service { sdl } }`,
    `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "883" }]) { __typename } }`,
    `{ __typename }`,
  ];
  const admin = { sub: "mallory", roles: ["ADMIN" as const] };

  /** A token shaped like the gateway's, with the claims and key chosen by the test. */
  const handmade = (body: { query: string }, secret: string, issuedSecondsAgo: number) =>
    new SignJWT({ roles: ["ADMIN"], rid: "forged", bh: requestBodyHash(body) })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("mallory")
      .setIssuer("danvan-gateway")
      .setAudience("danvan-subgraph")
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(Date.now() / 1000) - issuedSecondsAgo)
      .setExpirationTime(Math.floor(Date.now() / 1000) - issuedSecondsAgo + 30)
      .sign(new TextEncoder().encode(secret));

  for (const sg of SUBGRAPHS) {
    it(`${sg.name}: no header, a forged, expired, misdirected or replayed one are all refused`, async () => {
      const url = f.subgraphUrls[sg.name]!;
      const refused = async (body: { query: string }, headers: Record<string, string>, why: string) => {
        const r = await postGraphQL(url, body, headers);
        assert.equal(r.status, 401, `${sg.name} ${why}: ${r.text.slice(0, 200)}`);
        assert.equal(r.body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED", why);
        assert.equal(r.body.data, undefined, why);
        assert.doesNotMatch(r.text, /sdl|Long Xuyên|secret/i, why);
        checks++;
      };
      for (const query of probes) {
        const body = { query };
        await refused(body, {}, "no header");
        await refused(body, { "x-danvan-identity": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." }, "alg none");
        await refused(body, { "x-danvan-identity": await handmade(body, "x".repeat(40), 0) }, "wrong key");
        await refused(body, { "x-danvan-identity": await handmade(body, f.secrets.tokenSecret, 0) }, "caller key");
        await refused(body, { "x-danvan-identity": await handmade(body, f.secrets.identitySecret, 120) }, "expired");
        const other = await signIdentity(admin, {
          secret: f.secrets.identitySecret,
          body: { query: "{ __typename }" + " " },
          requestId: "other",
        });
        await refused(body, { "x-danvan-identity": other }, "signed for another body");
        const good = await signIdentity(admin, { secret: f.secrets.identitySecret, body, requestId: "once" });
        const first = await postGraphQL(url, body, { "x-danvan-identity": good });
        assert.equal(first.status, 200, `${sg.name} genuine: ${first.text.slice(0, 200)}`);
        await refused(body, { "x-danvan-identity": good }, "replayed");
      }
      // The service keeps answering its health checks and the gateway's genuine calls.
      assert.equal((await fetch(url.replace("/graphql", "/livez"))).status, 200);
    });
  }
});
