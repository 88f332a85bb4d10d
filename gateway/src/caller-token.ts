import { randomUUID, webcrypto } from "node:crypto";
import { ALL_ROLES, ANONYMOUS, type Identity, type Role } from "@danvan/kit/identity";
import type { Logger } from "@danvan/kit/logger";
import type { RequestHandler, Response } from "express";
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { isSymmetric, type TokenSettings } from "./config.js";
import { languageFromHeader, translate, type Language } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import type { GatewayMetrics } from "./metrics.js";
import { requestIdOf } from "./request-context.js";

/** Why a caller's token was refused; each maps to a fixed message that never repeats the token. */
export type CallerTokenRejection =
  | "malformed-header"
  | "malformed"
  | "expired"
  | "not-yet-valid"
  | "wrong-issuer"
  | "wrong-audience"
  | "algorithm-not-allowed"
  | "bad-signature"
  | "missing-subject"
  | "bad-claims"
  | "keys-unavailable";

const MESSAGES: Record<CallerTokenRejection, Parameters<typeof gatewayMessage>[0]> = {
  "malformed-header": "malformedHeader",
  malformed: "malformedToken",
  expired: "expiredToken",
  "not-yet-valid": "tokenNotYetValid",
  "wrong-issuer": "wrongIssuer",
  "wrong-audience": "wrongAudience",
  "algorithm-not-allowed": "algorithmNotAllowed",
  "bad-signature": "badSignature",
  "missing-subject": "missingSubject",
  "bad-claims": "badClaims",
  "keys-unavailable": "keysUnavailable",
};

export class CallerTokenError extends Error {
  constructor(
    readonly reason: CallerTokenRejection,
    /** 401 for the caller's fault; 503 when our own key source (JWKS) cannot be reached. */
    readonly status: 401 | 503 = 401,
  ) {
    super(translate(gatewayMessage(MESSAGES[reason]), "en"));
    this.name = "CallerTokenError";
  }

  /** The message in a caller's language. */
  messageIn(language: Language): string {
    return translate(gatewayMessage(MESSAGES[this.reason]), language);
  }
}

/** Names a person types for a role (CLI, IDE page): public, officer, handling-officer, analyst, admin. */
export const ROLE_NAMES = ["public", "officer", "handling-officer", "analyst", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/**
 * "officer", "OFFICER", "handling-officer", "HANDLING_OFFICER" → that role; "public" → no role.
 * Anything else → undefined.
 */
export function rolesFromName(name: string): Role[] | undefined {
  const normalised = name
    .trim()
    .toUpperCase()
    .replace(/[-\s]+/g, "_");
  if (normalised === "PUBLIC") return [];
  return (ALL_ROLES as readonly string[]).includes(normalised) ? [normalised as Role] : undefined;
}

/** Maps verified claims to an Identity. Unknown role names are dropped: least privilege. */
function identityFrom(payload: JWTPayload): Identity {
  if (typeof payload.sub !== "string" || payload.sub.trim() === "") throw new CallerTokenError("missing-subject");
  const { roles, org, unit } = payload as { roles?: unknown; org?: unknown; unit?: unknown };
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === "string"))) {
    throw new CallerTokenError("bad-claims");
  }
  if ((org !== undefined && typeof org !== "string") || (unit !== undefined && typeof unit !== "string")) {
    throw new CallerTokenError("bad-claims");
  }
  const parsed = [...new Set(((roles ?? []) as string[]).flatMap((r) => rolesFromName(r) ?? []))];
  return {
    sub: payload.sub,
    roles: parsed,
    ...(org ? { organisationId: org } : {}),
    ...(unit ? { unitCode: unit } : {}),
  };
}

function rejectionOf(err: unknown): CallerTokenError {
  if (err instanceof CallerTokenError) return err;
  if (err instanceof errors.JWTExpired) return new CallerTokenError("expired");
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === "iss") return new CallerTokenError("wrong-issuer");
    if (err.claim === "aud") return new CallerTokenError("wrong-audience");
    if (err.claim === "nbf") return new CallerTokenError("not-yet-valid");
    if (err.claim === "sub") return new CallerTokenError("missing-subject");
    return new CallerTokenError("bad-claims");
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return new CallerTokenError("algorithm-not-allowed");
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) {
    return new CallerTokenError("bad-signature");
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) {
    return new CallerTokenError("keys-unavailable", 503);
  }
  if (err instanceof errors.JOSEError) return new CallerTokenError("malformed");
  // A network failure fetching the JWKS (fetch throws a TypeError): our problem, not the caller's.
  return new CallerTokenError("keys-unavailable", 503);
}

export type CallerTokenVerifier = (authorization: string | undefined) => Promise<Identity>;

/**
 * Verifies `Authorization: Bearer <jwt>`: algorithms pinned from the settings (never "none"),
 * issuer and audience checked, `exp` required, `nbf` honoured, `sub` required.
 * No header → the public (ANONYMOUS). Anything wrong → CallerTokenError.
 */
export function createCallerTokenVerifier(settings: TokenSettings): CallerTokenVerifier {
  const algorithms = [...settings.algorithms].filter((a) => a.toLowerCase() !== "none");
  // HMAC keys imported once per algorithm (jose would import the raw secret on every verify).
  const raw = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const hmacKeys = new Map<string, Promise<webcrypto.CryptoKey>>();
  const secretFor = (alg: string): Promise<webcrypto.CryptoKey> | undefined => {
    if (!raw) return undefined;
    let key = hmacKeys.get(alg);
    if (!key) {
      key = webcrypto.subtle.importKey("raw", raw, { name: "HMAC", hash: `SHA-${alg.slice(2)}` }, false, ["verify"]);
      hmacKeys.set(alg, key);
    }
    return key;
  };
  const jwks = settings.jwksUrl ? createRemoteJWKSet(settings.jwksUrl, { timeoutDuration: 5000 }) : undefined;
  // Each algorithm family gets its own key, so a public key can never be used as an HMAC secret.
  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (isSymmetric(header.alg ?? "") && algorithms.includes(header.alg)) {
      const secret = secretFor(header.alg);
      if (secret) return secret;
    } else if (jwks) {
      return jwks(header, token);
    } else if (settings.publicKey) {
      return settings.publicKey;
    }
    throw new errors.JOSEAlgNotAllowed("no key for this algorithm");
  };

  return async (authorization) => {
    if (authorization === undefined) return ANONYMOUS;
    const m = /^Bearer[ \t]+(\S+)$/i.exec(authorization.trim());
    if (!m) throw new CallerTokenError("malformed-header");
    try {
      const { payload } = await jwtVerify(m[1]!, getKey, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ["exp", "sub"],
        clockTolerance: 5,
      });
      return identityFrom(payload);
    } catch (err) {
      throw rejectionOf(err);
    }
  };
}

/** The JSON a refused request gets: the GraphQL error shape, so clients need one parser. */
export function sendUnauthenticated(res: Response, err: CallerTokenError, language: Language = "en"): void {
  if (err.status === 401) res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
  res.status(err.status).json({
    errors: [
      {
        message: err.messageIn(language),
        extensions: { code: err.status === 401 ? "UNAUTHENTICATED" : "INTERNAL_SERVER_ERROR" },
      },
    ],
  });
}

/**
 * Express middleware: puts the caller's Identity in `res.locals.identity`, or answers 401
 * itself. Runs before the body is parsed, so a refused caller costs no JSON parsing.
 */
export function callerTokenMiddleware(
  verify: CallerTokenVerifier,
  logger: Logger,
  metrics?: GatewayMetrics,
): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.identity = await verify(req.header("authorization"));
      next();
    } catch (err) {
      const rejection = rejectionOf(err);
      logger.warn({ reason: rejection.reason, requestId: requestIdOf(res) }, "caller token refused");
      metrics?.reject("bad_token");
      sendUnauthenticated(res, rejection, languageFromHeader(req.header("accept-language")));
    }
  };
}

export interface DevTokenRequest {
  sub: string;
  /** One role, or several; none for a public token. */
  role?: Role;
  roles?: readonly Role[];
  org?: string;
  unit?: string;
  /** Lifetime: "8h", "30m", "2d", or a number of seconds. Default 1 hour. */
  ttl?: string | number;
}

/** Signs a development caller token (HS256) that the gateway accepts with the same settings. */
export async function issueDevToken(
  request: DevTokenRequest,
  secret: string,
  issuer: string,
  audience: string,
): Promise<string> {
  if (secret.length < 32) throw new Error("the token secret must be at least 32 characters");
  const roles = [...new Set([...(request.roles ?? []), ...(request.role ? [request.role] : [])])];
  const now = Math.floor(Date.now() / 1000);
  const ttl = request.ttl ?? "1h";
  return (
    new SignJWT({
      roles,
      ...(request.org ? { org: request.org } : {}),
      ...(request.unit ? { unit: request.unit } : {}),
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(request.sub)
      .setIssuer(issuer)
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt(now)
      // jose reads a number as an absolute time, so a number of seconds is added to now.
      .setExpirationTime(typeof ttl === "number" ? now + ttl : ttl)
      .sign(new TextEncoder().encode(secret))
  );
}
