import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SignJWT } from "jose";
import {
  IdentityRejectedError,
  ReplayGuard,
  requestBodyHash,
  signIdentity,
  verifyIdentity,
} from "./signed-identity.js";

const secret = "s".repeat(40);
const body = { query: "{ administrativeUnits { code } }", variables: { a: 1 }, operationName: null };
const officer = { sub: "alice", roles: ["OFFICER" as const], unitCode: "883", organisationId: "HND-883" };

const rejects = (p: Promise<unknown>, reason: string) =>
  assert.rejects(p, (e: unknown) => e instanceof IdentityRejectedError && e.reason === reason);

describe("gateway-signed identity", () => {
  it("verifies a header signed for the same body", async () => {
    const token = await signIdentity(officer, { secret, body, requestId: "r1" });
    const v = await verifyIdentity(token, { secret, body });
    assert.deepEqual(v.identity, officer);
    assert.equal(v.requestId, "r1");
  });

  it("refuses a missing, forged, or differently keyed header", async () => {
    await rejects(verifyIdentity(undefined, { secret, body }), "missing");
    await rejects(verifyIdentity("not.a.jwt", { secret, body }), "invalid");
    const other = await signIdentity(officer, { secret: "o".repeat(40), body, requestId: "r" });
    await rejects(verifyIdentity(other, { secret, body }), "invalid");
  });

  it("refuses a header replayed with another document or variables", async () => {
    const token = await signIdentity(officer, { secret, body, requestId: "r" });
    await rejects(verifyIdentity(token, { secret, body: { ...body, query: "{ __typename }" } }), "body-mismatch");
    await rejects(verifyIdentity(token, { secret, body: { ...body, variables: { a: 2 } } }), "body-mismatch");
  });

  it("refuses the same header twice when a replay guard is used", async () => {
    const guard = new ReplayGuard();
    const token = await signIdentity(officer, { secret, body, requestId: "r" });
    await verifyIdentity(token, { secret, body, replayGuard: guard });
    await rejects(verifyIdentity(token, { secret, body, replayGuard: guard }), "replayed");
  });

  it("forgets ids once they have expired, without waiting for the bound, and still refuses live ones", () => {
    const guard = new ReplayGuard();
    const t0 = 1_000_000;
    for (let i = 0; i < 500; i++) assert.equal(guard.claim(`a${i}`, t0 + 30_000, t0 + i), true);
    assert.equal(guard.claim("a1", t0 + 30_000, t0 + 600), false, "a live id is refused");
    assert.equal(guard.size, 500);
    // 31 s later: every earlier id has expired and is forgotten at the next claim.
    assert.equal(guard.claim("b", t0 + 61_000, t0 + 31_000), true);
    assert.equal(guard.size, 1);
  });

  it("refuses an expired header and one with another algorithm", async () => {
    const key = new TextEncoder().encode(secret);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ roles: [], bh: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a")
      .setIssuer("danvan-gateway")
      .setAudience("danvan-subgraph")
      .setJti("j")
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(key);
    await rejects(verifyIdentity(expired, { secret, body }), "expired");
    const hs512 = await new SignJWT({ roles: [], bh: "x" })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("a")
      .setIssuer("danvan-gateway")
      .setAudience("danvan-subgraph")
      .setJti("j")
      .setIssuedAt()
      .setExpirationTime("30s")
      .sign(key);
    await rejects(verifyIdentity(hs512, { secret, body }), "invalid");
  });

  it("drops unknown roles from a verified header", async () => {
    const token = await signIdentity({ sub: "x", roles: ["ADMIN", "ROOT" as never] }, { secret, body, requestId: "r" });
    assert.deepEqual((await verifyIdentity(token, { secret, body })).identity.roles, ["ADMIN"]);
  });

  it("checks every claim of a standard HS256 token made elsewhere (jose here), not only its own", async () => {
    const key = new TextEncoder().encode(secret);
    const now = Math.floor(Date.now() / 1000);
    const forge = (edit: { iss?: string; aud?: string; jti?: string | null; iat?: number; exp?: number }) => {
      const jwt = new SignJWT({ roles: ["OFFICER"], unit: "883", bh: requestBodyHash(body), rid: "r9" })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject("bob")
        .setIssuer(edit.iss ?? "danvan-gateway")
        .setAudience(edit.aud ?? "danvan-subgraph")
        .setIssuedAt(edit.iat ?? now)
        .setExpirationTime(edit.exp ?? now + 30);
      if (edit.jti !== null) jwt.setJti(edit.jti ?? "j1");
      return jwt.sign(key);
    };
    const good = await verifyIdentity(await forge({}), { secret, body });
    assert.deepEqual(good.identity, { sub: "bob", roles: ["OFFICER"], unitCode: "883" });
    assert.equal(good.requestId, "r9");
    await rejects(verifyIdentity(await forge({ iss: "someone-else" }), { secret, body }), "invalid");
    await rejects(verifyIdentity(await forge({ aud: "another-service" }), { secret, body }), "invalid");
    await rejects(verifyIdentity(await forge({ jti: null }), { secret, body }), "invalid");
    // Issued 40 s ago: older than a header may be (30 s and 5 s of leeway), whatever its exp says.
    await rejects(verifyIdentity(await forge({ iat: now - 40, exp: now + 3600 }), { secret, body }), "expired");
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${(await forge({})).split(".")[1]}.`;
    await rejects(verifyIdentity(unsigned, { secret, body }), "invalid");
  });
});
