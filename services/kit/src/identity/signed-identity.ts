import { createHash, randomUUID, webcrypto } from "node:crypto";
import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import { type Identity, parseRoles } from "./identity.js";

/** The header that carries the gateway-signed identity to a subgraph. */
export const IDENTITY_HEADER = "x-danvan-identity";
/** The request id the gateway creates and every subgraph logs. */
export const REQUEST_ID_HEADER = "x-request-id";

const ISSUER = "danvan-gateway";
const AUDIENCE = "danvan-subgraph";
const ALGORITHM = "HS256";
/** Short-lived: a header is good for one subgraph fetch, not for a session. */
export const IDENTITY_TTL_SECONDS = 30;

export interface SubgraphRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Binds a signed identity to one request: a hash of its query, variables and operation name.
 * A header lifted from one request cannot be reused with another document.
 */
export function requestBodyHash(body: SubgraphRequestBody): string {
  const material = [
    typeof body.query === "string" ? body.query : "",
    JSON.stringify(body.variables ?? null),
    typeof body.operationName === "string" ? body.operationName : "",
  ].join("\n");
  return createHash("sha256").update(material).digest("base64url");
}

/** Imported once per secret: jose would otherwise import a raw secret on every sign and verify. */
const importedKeys = new Map<string, Promise<webcrypto.CryptoKey>>();

function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  if (secret.length < 32) throw new Error("identity secret must be at least 32 characters");
  let key = importedKeys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    importedKeys.set(secret, key);
  }
  return key;
}

export async function signIdentity(
  identity: Identity,
  opts: { secret: string; body: SubgraphRequestBody; requestId: string; audience?: string },
): Promise<string> {
  return new SignJWT({
    roles: identity.roles,
    ...(identity.organisationId ? { org: identity.organisationId } : {}),
    ...(identity.unitCode ? { unit: identity.unitCode } : {}),
    rid: opts.requestId,
    bh: requestBodyHash(opts.body),
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(identity.sub)
    .setIssuer(ISSUER)
    .setAudience(opts.audience ?? AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${IDENTITY_TTL_SECONDS}s`)
    .sign(await keyOf(opts.secret));
}

export type IdentityRejection = "missing" | "invalid" | "expired" | "body-mismatch" | "replayed";

export class IdentityRejectedError extends Error {
  constructor(readonly reason: IdentityRejection) {
    super(`identity header rejected: ${reason}`);
    this.name = "IdentityRejectedError";
  }
}

/**
 * Remembers the ids of headers already used, for as long as they could still be valid: expired
 * ids are forgotten at least once a second (headers live 30 s, so the map holds about 30 s of
 * traffic, not everything up to its bound).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;
  constructor(private readonly maxEntries = 100_000) {}

  get size(): number {
    return this.seen.size;
  }

  /** Returns false when this id was used before. */
  claim(jti: string, expiresAtMs: number, now = Date.now()): boolean {
    if (now - this.lastSweep >= 1000) this.forgetExpired(now);
    if (this.seen.size >= this.maxEntries) this.sweep(now);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAtMs);
    return true;
  }

  /** Ids arrive in about the order they expire (one lifetime for all): stop at the first live one. */
  private forgetExpired(now: number): void {
    this.lastSweep = now;
    for (const [id, exp] of this.seen) {
      if (exp > now) break;
      this.seen.delete(id);
    }
  }

  private sweep(now: number): void {
    for (const [id, exp] of this.seen) if (exp <= now) this.seen.delete(id);
    // Still full of live entries: drop the oldest half rather than grow without bound.
    if (this.seen.size >= this.maxEntries) {
      let n = Math.floor(this.maxEntries / 2);
      for (const id of this.seen.keys()) {
        if (n-- <= 0) break;
        this.seen.delete(id);
      }
    }
  }
}

export interface VerifiedIdentity {
  identity: Identity;
  requestId: string;
}

export async function verifyIdentity(
  token: string | undefined,
  opts: { secret: string; body: SubgraphRequestBody; replayGuard?: ReplayGuard; audience?: string },
): Promise<VerifiedIdentity> {
  if (!token) throw new IdentityRejectedError("missing");
  let payload;
  try {
    ({ payload } = await jwtVerify(token, await keyOf(opts.secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: opts.audience ?? AUDIENCE,
      requiredClaims: ["exp", "iat", "jti", "sub", "bh"],
      maxTokenAge: `${IDENTITY_TTL_SECONDS + 5}s`,
    }));
  } catch (err) {
    throw new IdentityRejectedError(err instanceof joseErrors.JWTExpired ? "expired" : "invalid");
  }
  if (payload.bh !== requestBodyHash(opts.body)) throw new IdentityRejectedError("body-mismatch");
  if (opts.replayGuard && !opts.replayGuard.claim(String(payload.jti), (payload.exp ?? 0) * 1000)) {
    throw new IdentityRejectedError("replayed");
  }
  const identity: Identity = {
    sub: String(payload.sub),
    roles: parseRoles(payload.roles),
    ...(typeof payload.org === "string" ? { organisationId: payload.org } : {}),
    ...(typeof payload.unit === "string" ? { unitCode: payload.unit } : {}),
  };
  return { identity, requestId: typeof payload.rid === "string" ? payload.rid : randomUUID() };
}
