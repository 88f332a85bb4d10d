import type { KeyObject } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { devSecrets } from "@danvan/kit/identity";
import { tracingSettingsOf, type TracingSettings } from "@danvan/kit/tracing";
import {
  httpUrl,
  isSymmetric,
  parseSettings,
  read,
  SETTINGS,
  TOKEN_VARIABLES,
  type ConfigProblem,
  type SettingName,
  type Settings,
} from "./env-variables.js";

import { DEFAULT_BUDGETS, type Audience, type Budget } from "./limits.js";

export { isSymmetric, type ConfigProblem };

/** The repository root: this file is compiled to gateway/dist/src/config.js. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** How callers' tokens are verified (and, in development, issued). */
export interface TokenSettings {
  readonly algorithms: readonly string[];
  /** HS* secret; in development it defaults to the generated dev secret. */
  readonly secret?: string;
  /** True when `secret` is the generated development secret (enables the IDE's dev tokens). */
  readonly secretIsDevDefault: boolean;
  /** PEM public key for RS*, PS*, ES*, EdDSA. */
  readonly publicKey?: KeyObject;
  /** A JWKS endpoint for asymmetric algorithms (keys fetched and cached by jose). */
  readonly jwksUrl?: URL;
  readonly issuer: string;
  readonly audience: string;
}

export type NodeEnv = "development" | "test" | "production";

export interface GatewayConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly supergraphPath: string;
  /** `SUBGRAPH_URL_<NAME>` overrides, keyed by NAME (upper case). */
  readonly subgraphUrls: ReadonlyMap<string, string>;
  readonly subgraphTimeoutMs: number;
  /** Signs the identity forwarded to subgraphs; only the gateway and the subgraphs hold it. */
  readonly identitySecret: string;
  readonly token: TokenSettings;
  readonly bodyLimit: string;
  readonly ideEnabled: boolean;
  /** The analyst page at /analyst (ANALYST_PAGE_ENABLED): on outside production by default. */
  readonly analystPageEnabled: boolean;
  readonly introspection: boolean;
  readonly logLevel: string;
  readonly shutdownGraceMs: number;
  /** After SIGTERM, keep answering (unready, Connection: close) until no request came for this long. */
  readonly shutdownQuietMs: number;
  /** Query limits: tokens for everyone, the rest per audience. */
  readonly maxTokens: number;
  readonly budgets: Record<Audience, Budget>;
  /** A persisted-operation manifest: when set, the public and officers run only its operations. */
  readonly safelistManifest?: string;
  /** Shared by every replica: the automatic persisted queries' cache. Memory when unset. */
  readonly redisUrl?: string;
  /** Whole answers to anonymous queries, cached as the subgraphs' hints allow (RESPONSE_CACHE). */
  readonly responseCache: boolean;
  /** OpenTelemetry tracing (TRACING, TRACING_SAMPLE_RATIO, OTEL_EXPORTER_OTLP_*): off by default. */
  readonly tracing: TracingSettings;
  /** Continue a caller's trace from its traceparent (TRACING_TRUST_INCOMING); else always a new trace. */
  readonly tracingTrustIncoming: boolean;
  /** How far V8 may grow the heap past its live data (HEAP_GROWING_PERCENT; 0: V8's own). */
  readonly heapGrowingPercent: number;
}

/** Thrown at start-up when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`gateway: invalid configuration\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Where a default secret comes from outside production; production never gets one. */
type DevSecretPicker = () => { identitySecret: string; tokenSecret: string };

function tokenSettings(
  v: Partial<Settings>,
  problems: ConfigProblem[],
  dev: DevSecretPicker,
): TokenSettings | undefined {
  const production = v.NODE_ENV === "production";
  const algorithms = v.JWT_ALGORITHMS ?? [];
  const wantsSecret = algorithms.some(isSymmetric);
  const wantsKey = algorithms.some((a) => !isSymmetric(a));
  let secretValue = v.JWT_SECRET;
  let secretIsDevDefault = false;

  if (wantsSecret && !secretValue && !problems.some((p) => p.variable === "JWT_SECRET")) {
    if (production) {
      problems.push({
        variable: "JWT_SECRET",
        message: `is required in production when JWT_ALGORITHMS includes ${algorithms.filter(isSymmetric).join(", ")}`,
      });
    } else {
      try {
        secretValue = dev().tokenSecret;
        secretIsDevDefault = true;
      } catch (err) {
        problems.push({
          variable: "JWT_SECRET",
          message: `not set, and the development secret could not be read (${(err as Error).message})`,
        });
      }
    }
  }
  if (
    wantsKey &&
    !v.JWT_PUBLIC_KEY &&
    !v.JWKS_URL &&
    !problems.some((p) => p.variable.startsWith("JWT_PUBLIC_KEY") || p.variable === "JWKS_URL")
  ) {
    problems.push({
      variable: "JWT_PUBLIC_KEY",
      message: "or JWKS_URL is required when JWT_ALGORITHMS includes an asymmetric algorithm",
    });
  }
  if (v.JWT_PUBLIC_KEY && v.JWKS_URL) {
    problems.push({ variable: "JWKS_URL", message: "set only one of JWT_PUBLIC_KEY and JWKS_URL" });
  }
  if (production && v.JWKS_URL && v.JWKS_URL.protocol !== "https:") {
    problems.push({ variable: "JWKS_URL", message: "must use https in production" });
  }
  if (!v.JWT_ALGORITHMS || !v.JWT_ISSUER || !v.JWT_AUDIENCE) return undefined;
  return {
    algorithms,
    ...(wantsSecret && secretValue ? { secret: secretValue } : {}),
    secretIsDevDefault,
    ...(wantsKey && v.JWT_PUBLIC_KEY ? { publicKey: v.JWT_PUBLIC_KEY } : {}),
    ...(wantsKey && v.JWKS_URL ? { jwksUrl: v.JWKS_URL } : {}),
    issuer: v.JWT_ISSUER,
    audience: v.JWT_AUDIENCE,
  };
}

/** `SUBGRAPH_URL_<NAME>` variables: the key is NAME, the value must be an http(s) URL. */
function subgraphUrls(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const name of Object.keys(env).sort()) {
    const m = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(name);
    const value = read(env, name);
    if (!m || value === undefined) continue;
    if (httpUrl(value)) urls.set(m[1]!, value);
    else problems.push({ variable: name, message: "must be an http(s) URL" });
  }
  return urls;
}

/** The override variable for a subgraph named in the supergraph ("organisations" → SUBGRAPH_URL_ORGANISATIONS). */
export function subgraphUrlVariable(subgraphName: string): string {
  return `SUBGRAPH_URL_${subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** Memoised so that a missing dev-secrets file is created once, not once per secret. */
function devSecretPicker(): DevSecretPicker {
  let cached: ReturnType<DevSecretPicker> | undefined;
  return () => (cached ??= devSecrets());
}

/**
 * Reads every gateway setting from `env` once. Throws a ConfigError naming each bad variable.
 * Outside production, missing secrets fall back to the generated development secrets
 * (data/dev-secrets.json); in production they must all be set.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const { values: v, problems } = parseSettings(env, Object.keys(SETTINGS) as SettingName[]);
  const dev = devSecretPicker();
  const production = v.NODE_ENV === "production";

  let identitySecret = v.IDENTITY_SECRET;
  if (!identitySecret && !problems.some((p) => p.variable === "IDENTITY_SECRET")) {
    if (production) {
      problems.push({
        variable: "IDENTITY_SECRET",
        message: "is required in production (at least 32 characters, shared with the subgraphs)",
      });
    } else {
      try {
        identitySecret = dev().identitySecret;
      } catch (err) {
        problems.push({
          variable: "IDENTITY_SECRET",
          message: `not set, and the development secret could not be read (${(err as Error).message})`,
        });
      }
    }
  }
  const token = tokenSettings(v, problems, dev);
  if (identitySecret && token?.secret && identitySecret === token.secret) {
    problems.push({
      variable: "IDENTITY_SECRET",
      message: "must differ from JWT_SECRET (a caller's token must never sign an identity)",
    });
  }
  const urls = subgraphUrls(env, problems);
  const tracing = tracingSettingsOf(v);
  // An endpoint that is set but malformed is reported once, as such.
  if (!problems.some((p) => p.variable.startsWith("OTEL_EXPORTER_OTLP_"))) problems.push(...tracing.problems);
  if (problems.length > 0 || !token || !identitySecret || !tracing.settings) throw new ConfigError(problems);

  const s = v as Settings;
  return {
    nodeEnv: s.NODE_ENV,
    host: s.HOST,
    port: s.PORT,
    supergraphPath: path.resolve(s.SUPERGRAPH_PATH ?? path.join(repoRoot, "schema", "supergraph.graphql")),
    subgraphUrls: urls,
    subgraphTimeoutMs: s.SUBGRAPH_TIMEOUT_MS,
    identitySecret,
    token,
    bodyLimit: s.BODY_LIMIT.toLowerCase(),
    // Both expose the schema: on by default for newcomers, off in production unless asked for.
    ideEnabled: s.IDE_ENABLED ?? !production,
    introspection: s.INTROSPECTION ?? !production,
    // The analyst page (/analyst) shows no schema, only the aggregates; off in production unless asked for too.
    analystPageEnabled: s.ANALYST_PAGE_ENABLED ?? !production,
    logLevel: s.LOG_LEVEL,
    shutdownGraceMs: s.SHUTDOWN_GRACE_MS,
    shutdownQuietMs: s.SHUTDOWN_QUIET_MS,
    maxTokens: s.QUERY_MAX_TOKENS,
    ...(s.SAFELIST_MANIFEST ? { safelistManifest: path.resolve(s.SAFELIST_MANIFEST) } : {}),
    ...(s.REDIS_URL ? { redisUrl: s.REDIS_URL } : {}),
    responseCache: s.RESPONSE_CACHE ?? true,
    tracing: tracing.settings,
    tracingTrustIncoming: s.TRACING_TRUST_INCOMING ?? false,
    heapGrowingPercent: s.HEAP_GROWING_PERCENT,
    budgets: Object.fromEntries(
      Object.entries(DEFAULT_BUDGETS).map(([a, b]) => [a, { ...b, ...s.QUERY_BUDGETS?.[a as Audience] }]),
    ) as Record<Audience, Budget>,
  };
}

/**
 * Only the caller-token settings (the token CLI needs nothing else, and must not fail
 * because, say, PORT is wrong in the same shell).
 */
export function loadTokenSettings(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  const { values, problems } = parseSettings(env, TOKEN_VARIABLES);
  const token = tokenSettings(values, problems, devSecretPicker());
  if (problems.length > 0 || !token) throw new ConfigError(problems);
  return token;
}
