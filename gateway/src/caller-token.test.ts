import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { ANONYMOUS, Role } from "@danvan/kit/identity";
import { SignJWT, type JWTPayload } from "jose";
import { CallerTokenError, createCallerTokenVerifier, issueDevToken, rolesFromName } from "./caller-token.js";
import { loadTokenSettings } from "./config.js";
import { TEST_TOKEN_SECRET } from "./testing/fake-subgraph.js";

const settings = loadTokenSettings({ NODE_ENV: "test", JWT_SECRET: TEST_TOKEN_SECRET });
const verify = createCallerTokenVerifier(settings);
const key = new TextEncoder().encode(TEST_TOKEN_SECRET);
const now = () => Math.floor(Date.now() / 1000);

function sign(claims: JWTPayload, opts: { alg?: string; secret?: Uint8Array; sub?: string | null } = {}) {
  const jwt = new SignJWT({ iss: "danvan-dev", aud: "danvan-graph", exp: now() + 600, ...claims }).setProtectedHeader({
    alg: opts.alg ?? "HS256",
  });
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? "alice");
  return jwt.sign(opts.secret ?? key);
}

async function refusal(authorization: string): Promise<CallerTokenError> {
  try {
    await verify(authorization);
  } catch (err) {
    assert.ok(err instanceof CallerTokenError);
    const tokenPart = authorization.slice(7, 40);
    if (tokenPart.length > 8) assert.ok(!err.message.includes(tokenPart), "the message echoes the token");
    return err;
  }
  assert.fail("the token was accepted");
}

/** An unsigned token, the way an attacker would write one. */
function unsecured(payload: JWTPayload): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`;
}

describe("caller token", () => {
  it("gives the public without an Authorization header", async () => {
    assert.deepEqual(await verify(undefined), ANONYMOUS);
  });

  it("maps a valid token's claims to an identity", async () => {
    const token = await sign({ roles: ["OFFICER", "handling-officer", "WIZARD"], org: "HND-883", unit: "883" });
    assert.deepEqual(await verify(`Bearer ${token}`), {
      sub: "alice",
      roles: [Role.OFFICER, Role.HANDLING_OFFICER],
      organisationId: "HND-883",
      unitCode: "883",
    });
    assert.deepEqual((await verify(`bearer ${await sign({})}`)).roles, []);
  });

  it("accepts what issueDevToken signs", async () => {
    const token = await issueDevToken(
      { sub: "bob", role: Role.ANALYST, ttl: "5m" },
      TEST_TOKEN_SECRET,
      "danvan-dev",
      "danvan-graph",
    );
    assert.deepEqual(await verify(`Bearer ${token}`), { sub: "bob", roles: [Role.ANALYST] });
  });

  it("refuses an expired token", async () => {
    const token = await sign({ exp: now() - 60, iat: now() - 120 });
    assert.equal((await refusal(`Bearer ${token}`)).reason, "expired");
    const short = await issueDevToken({ sub: "bob", ttl: -60 }, TEST_TOKEN_SECRET, "danvan-dev", "danvan-graph");
    assert.equal((await refusal(`Bearer ${short}`)).reason, "expired");
  });

  it("refuses a token that is not valid yet, and one without exp", async () => {
    assert.equal((await refusal(`Bearer ${await sign({ nbf: now() + 600 })}`)).reason, "not-yet-valid");
    assert.equal((await refusal(`Bearer ${await sign({ exp: undefined })}`)).reason, "bad-claims");
  });

  it("refuses a wrong issuer or audience", async () => {
    assert.equal((await refusal(`Bearer ${await sign({ iss: "someone-else" })}`)).reason, "wrong-issuer");
    assert.equal((await refusal(`Bearer ${await sign({ aud: "another-graph" })}`)).reason, "wrong-audience");
  });

  it('refuses alg "none" and algorithms that are not pinned', async () => {
    const none = unsecured({
      sub: "mallory",
      roles: ["ADMIN"],
      iss: "danvan-dev",
      aud: "danvan-graph",
      exp: now() + 600,
    });
    assert.equal((await refusal(`Bearer ${none}`)).reason, "algorithm-not-allowed");
    const hs512 = await sign({ roles: ["ADMIN"] }, { alg: "HS512" });
    assert.equal((await refusal(`Bearer ${hs512}`)).reason, "algorithm-not-allowed");
  });

  it("refuses a bad signature and a token signed with a public key as an HMAC secret", async () => {
    const forged = await sign({ roles: ["ADMIN"] }, { secret: new TextEncoder().encode("x".repeat(40)) });
    assert.equal((await refusal(`Bearer ${forged}`)).reason, "bad-signature");
    // Key confusion: an ES256 gateway must not accept HS256 signed with its public key.
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const rsVerify = createCallerTokenVerifier(
      loadTokenSettings({ NODE_ENV: "test", JWT_ALGORITHMS: "ES256", JWT_PUBLIC_KEY: pem }),
    );
    const confused = await sign({ roles: ["ADMIN"] }, { secret: new TextEncoder().encode(pem) });
    await assert.rejects(
      rsVerify(`Bearer ${confused}`),
      (err: unknown) => err instanceof CallerTokenError && err.reason === "algorithm-not-allowed",
    );
  });

  it("refuses a token without a subject", async () => {
    assert.equal((await refusal(`Bearer ${await sign({}, { sub: null })}`)).reason, "missing-subject");
  });

  it("refuses malformed headers and claims", async () => {
    assert.equal((await refusal("Basic dXNlcjpwYXNz")).reason, "malformed-header");
    assert.equal((await refusal("Bearer ")).reason, "malformed-header");
    assert.equal((await refusal("Bearer not.a.jwt-at-all")).reason, "malformed");
    assert.equal((await refusal(`Bearer ${await sign({ roles: "ADMIN" })}`)).reason, "bad-claims");
  });

  it("reads role names the way people type them", () => {
    assert.deepEqual(rolesFromName("public"), []);
    assert.deepEqual(rolesFromName("Handling-Officer"), [Role.HANDLING_OFFICER]);
    assert.deepEqual(rolesFromName("ADMIN"), [Role.ADMIN]);
    assert.equal(rolesFromName("root"), undefined);
  });
});
