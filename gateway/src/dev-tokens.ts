import { Role } from "@danvan/kit/identity";
import { issueDevToken, type DevTokenRequest, type RoleName } from "./caller-token.js";
import type { GatewayConfig } from "./config.js";

/**
 * One development persona per role, so that a newcomer can try every role from the IDE page
 * (architecture.md, "Identity and trust"). Officers work in Thành phố Long Xuyên (883) for
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
