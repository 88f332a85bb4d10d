import type { Message } from "@danvan/kit/i18n";
import { Role } from "@danvan/kit/identity";
import { unitByCode } from "@danvan/kit/units";
import { issueDevToken, ROLE_NAMES, rolesFromName, type DevTokenRequest, type RoleName } from "./caller-token.js";
import type { GatewayConfig } from "./config.js";
import { ideMessage } from "./ide-messages.js";

/** Roles whose scope is a unit: their tokens must name one. */
export const UNIT_SCOPED_ROLES: readonly Role[] = [Role.OFFICER, Role.HANDLING_OFFICER];

/**
 * One development persona per role, so that a newcomer can try every role from the IDE page
 * (docs/architecture.md, "Identity and trust"). Officers work in Thành phố Long Xuyên (883) for
 * its Fatherland Front committee.
 */
export const DEV_PERSONAS: Readonly<Record<Exclude<RoleName, "public">, DevTokenRequest>> = {
  officer: { sub: "dev-officer", role: Role.OFFICER, unit: "883", org: "MTTQ-883" },
  "handling-officer": { sub: "dev-handling-officer", role: Role.HANDLING_OFFICER, unit: "883", org: "MTTQ-883" },
  analyst: { sub: "dev-analyst", role: Role.ANALYST },
  admin: { sub: "dev-admin", role: Role.ADMIN },
};

/** Short-lived: the page fetches fresh ones when these expire. */
export const DEV_TOKEN_TTL_SECONDS = 3600;

/**
 * Ready-made tokens are served only by a development gateway that verifies HS256 tokens with
 * the generated development secret: such tokens are worthless anywhere else.
 */
export function devTokensEnabled(config: GatewayConfig): boolean {
  return (
    config.nodeEnv === "development" &&
    config.ideEnabled &&
    config.token.secretIsDevDefault &&
    config.token.secret !== undefined &&
    config.token.algorithms.includes("HS256")
  );
}

export interface DevTokenSet {
  expiresAt: string;
  tokens: Record<RoleName, string | null>;
  personas: Record<RoleName, { sub: string; unit?: string; org?: string } | null>;
}

export async function issueDevTokenSet(config: GatewayConfig): Promise<DevTokenSet> {
  const { secret, issuer, audience } = config.token;
  if (!secret) throw new Error("development tokens need the HS256 development secret");
  const tokens: DevTokenSet["tokens"] = {
    public: null,
    officer: null,
    "handling-officer": null,
    analyst: null,
    admin: null,
  };
  const personas: DevTokenSet["personas"] = {
    public: null,
    officer: null,
    "handling-officer": null,
    analyst: null,
    admin: null,
  };
  for (const [name, persona] of Object.entries(DEV_PERSONAS) as [Exclude<RoleName, "public">, DevTokenRequest][]) {
    tokens[name] = await issueDevToken({ ...persona, ttl: DEV_TOKEN_TTL_SECONDS }, secret, issuer, audience);
    personas[name] = {
      sub: persona.sub,
      ...(persona.unit ? { unit: persona.unit } : {}),
      ...(persona.org ? { org: persona.org } : {}),
    };
  }
  return { expiresAt: new Date(Date.now() + DEV_TOKEN_TTL_SECONDS * 1000).toISOString(), tokens, personas };
}

/** The longest lifetime a development token may have (the CLI's and the IDE page's). */
export const MAX_DEV_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** "30m", "8h", "7d", "90s" → seconds; anything else, zero or over 30 days → undefined. */
export function durationSeconds(value: string): number | undefined {
  const m = /^(\d{1,7})(s|m|h|d)$/.exec(value.trim());
  if (!m) return undefined;
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "s" | "m" | "h" | "d"];
  return seconds > 0 && seconds <= MAX_DEV_TOKEN_TTL_SECONDS ? seconds : undefined;
}

const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SUBJECT = /^[\p{L}\p{N}._@:+-]{1,128}$/u;

/** A token the IDE page asks for (POST /ide/dev-token), checked. */
export interface DevTokenOrder {
  role: RoleName;
  roles: Role[];
  unit?: string;
  org?: string;
  sub: string;
  ttlSeconds: number;
}

export type DevTokenField = "body" | "role" | "unit" | "org" | "sub" | "ttl";

export type DevTokenOrderResult =
  { ok: true; order: DevTokenOrder } | { ok: false; field: DevTokenField; message: Message };

/**
 * Checks the body of POST /ide/dev-token: `{ role, unit?, org?, sub?, ttl? }`. The role is a
 * role name (public, officer, handling-officer, analyst, admin); officers and handling officers
 * need a unit, which must be a reference unit. A refusal names the field, never the value.
 */
export function parseDevTokenOrder(body: unknown): DevTokenOrderResult {
  const refuse = (field: DevTokenField, key: Parameters<typeof ideMessage>[0]): DevTokenOrderResult => ({
    ok: false,
    field,
    message: ideMessage(key),
  });
  if (typeof body !== "object" || body === null || Array.isArray(body)) return refuse("body", "errBody");
  const { role, unit, org, sub, ttl } = body as Record<string, unknown>;
  if (typeof role !== "string" || !(ROLE_NAMES as readonly string[]).includes(role)) return refuse("role", "errRole");
  const roles = rolesFromName(role) ?? [];
  const blank = (v: unknown) => v === undefined || v === null || v === "";
  if (!blank(unit) && (typeof unit !== "string" || !unitByCode(unit))) return refuse("unit", "errUnit");
  if (blank(unit) && roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) return refuse("unit", "errUnitRequired");
  if (!blank(org) && (typeof org !== "string" || !ORG_ID.test(org))) return refuse("org", "errOrg");
  if (!blank(sub) && (typeof sub !== "string" || !SUBJECT.test(sub))) return refuse("sub", "errSub");
  let ttlSeconds = DEV_TOKEN_TTL_SECONDS;
  if (!blank(ttl)) {
    const parsed = typeof ttl === "string" ? durationSeconds(ttl) : undefined;
    if (parsed === undefined) return refuse("ttl", "errTtl");
    ttlSeconds = parsed;
  }
  return {
    ok: true,
    order: {
      role: role as RoleName,
      roles,
      ...(typeof unit === "string" && unit ? { unit } : {}),
      ...(typeof org === "string" && org ? { org } : {}),
      sub: typeof sub === "string" && sub ? sub : `dev-${role}`,
      ttlSeconds,
    },
  };
}

/** What POST /ide/dev-token answers: the token, when it expires and who it names. */
export interface MadeDevToken {
  token: string;
  expiresAt: string;
  identity: { sub: string; roles: Role[]; unit?: string; org?: string };
}

export async function issueOrderedDevToken(config: GatewayConfig, order: DevTokenOrder): Promise<MadeDevToken> {
  const { secret, issuer, audience } = config.token;
  if (!secret) throw new Error("development tokens need the HS256 development secret");
  const scope = { ...(order.unit ? { unit: order.unit } : {}), ...(order.org ? { org: order.org } : {}) };
  const token = await issueDevToken(
    { sub: order.sub, roles: order.roles, ...scope, ttl: order.ttlSeconds },
    secret,
    issuer,
    audience,
  );
  return {
    token,
    expiresAt: new Date(Date.now() + order.ttlSeconds * 1000).toISOString(),
    identity: { sub: order.sub, roles: order.roles, ...scope },
  };
}
