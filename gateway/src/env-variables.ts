import { createPublicKey } from "node:crypto";
import { HEAP_VARIABLES } from "@danvan/kit/heap";
import { wholeNumber } from "@danvan/kit/setting-parsers";
import { TRACING_VARIABLES } from "@danvan/kit/tracing";
import { z } from "zod";

/**
 * What each environment variable of the gateway may hold: one parser per variable, so that
 * one run reports every bad variable at once. Messages never repeat the value: some of these
 * variables are secrets. Defaults that depend on other variables live in config.ts.
 */

/** Algorithms a caller's token may use. "none" is never among them, whatever the environment says. */
export const SYMMETRIC_ALGORITHMS = ["HS256", "HS384", "HS512"] as const;
export const ASYMMETRIC_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
] as const;
const KNOWN_ALGORITHMS: readonly string[] = [...SYMMETRIC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS];

export const isSymmetric = (alg: string): boolean => (SYMMETRIC_ALGORITHMS as readonly string[]).includes(alg);

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

const text = (dflt: string) => z.string().min(1).default(dflt);

const budgetPart = z
  .object({
    depth: z.number().int().min(1),
    aliases: z.number().int().min(0),
    directives: z.number().int().min(0),
    cost: z.number().int().min(1),
  })
  .partial()
  .strict();
/** Per-audience changes to the default query budgets (limits.ts). */
const budgetOverrides = z
  .object({ public: budgetPart, officer: budgetPart, analyst: budgetPart, admin: budgetPart })
  .partial()
  .strict();

const flag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if (["true", "1", "yes", "on"].includes(s)) return true;
    if (["false", "0", "no", "off"].includes(s)) return false;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

const secret = z.string().min(32, "must be at least 32 characters").optional();

export function httpUrl(v: string): URL | undefined {
  try {
    const url = new URL(v);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export const SETTINGS = {
  NODE_ENV: z
    .enum(["development", "test", "production"], "must be development, test or production")
    .default("development"),
  HOST: text("127.0.0.1"),
  PORT: wholeNumber(0, 65535, 4000),
  SUPERGRAPH_PATH: z.string().optional(),
  SUBGRAPH_TIMEOUT_MS: wholeNumber(1, 600_000, 10_000),
  IDENTITY_SECRET: secret,
  JWT_ALGORITHMS: z
    .string()
    .default("HS256")
    .transform((v, ctx) => {
      const algs = [
        ...new Set(
          v
            .split(",")
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ];
      if (algs.length === 0) ctx.addIssue({ code: "custom", message: "must name at least one algorithm" });
      for (const alg of algs) {
        if (alg.toLowerCase() === "none") {
          ctx.addIssue({ code: "custom", message: 'the "none" algorithm is never allowed' });
        } else if (!KNOWN_ALGORITHMS.includes(alg)) {
          ctx.addIssue({
            code: "custom",
            message: `unknown algorithm "${alg}" (allowed: ${KNOWN_ALGORITHMS.join(", ")})`,
          });
        }
      }
      return algs;
    }),
  JWT_SECRET: secret,
  JWT_PUBLIC_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      // Environment files often carry a PEM on one line with literal "\n".
      const pem = v.replace(/\\n/g, "\n");
      if (/PRIVATE KEY/.test(pem)) {
        ctx.addIssue({
          code: "custom",
          message: "holds a private key: give the public key (-----BEGIN PUBLIC KEY-----)",
        });
        return z.NEVER;
      }
      try {
        return createPublicKey(pem);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a PEM public key (-----BEGIN PUBLIC KEY-----)" });
        return z.NEVER;
      }
    }),
  JWKS_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const url = httpUrl(v);
      if (!url) ctx.addIssue({ code: "custom", message: "must be an http(s) URL" });
      return url ?? z.NEVER;
    }),
  JWT_ISSUER: text("danvan-dev"),
  JWT_AUDIENCE: text("danvan-graph"),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, "must look like 1mb, 512kb or 65536b")
    .default("1mb"),
  IDE_ENABLED: flag,
  ANALYST_PAGE_ENABLED: flag,
  INTROSPECTION: flag,
  LOG_LEVEL: z
    .enum(
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
      "must be fatal, error, warn, info, debug, trace or silent",
    )
    .default("info"),
  SHUTDOWN_GRACE_MS: wholeNumber(0, 600_000, 10_000),
  SHUTDOWN_QUIET_MS: wholeNumber(0, 60_000, 250),
  QUERY_MAX_TOKENS: wholeNumber(100, 1_000_000, 5_000),
  SAFELIST_MANIFEST: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), "must be a redis:// or rediss:// URL"),
  RESPONSE_CACHE: flag,
  QUERY_BUDGETS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      try {
        return budgetOverrides.parse(JSON.parse(v));
      } catch {
        ctx.addIssue({
          code: "custom",
          message:
            'must be JSON like {"public":{"cost":8000},"analyst":{"depth":20}} (depth, aliases, directives, cost)',
        });
        return z.NEVER;
      }
    }),
  // TRACING, TRACING_SAMPLE_RATIO, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the kit's).
  ...TRACING_VARIABLES,
  /** Continue a caller's trace (its traceparent) instead of starting a new one: off by default. */
  TRACING_TRUST_INCOMING: flag,
  // HEAP_GROWING_PERCENT (the kit's): how far the heap may grow past its live data.
  ...HEAP_VARIABLES,
};

export type Settings = { [K in keyof typeof SETTINGS]: z.output<(typeof SETTINGS)[K]> };
export type SettingName = keyof Settings;

/** The variables the token CLI needs. */
export const TOKEN_VARIABLES: readonly SettingName[] = [
  "NODE_ENV",
  "JWT_ALGORITHMS",
  "JWT_SECRET",
  "JWT_PUBLIC_KEY",
  "JWKS_URL",
  "JWT_ISSUER",
  "JWT_AUDIENCE",
];

/** An empty variable counts as unset (compose files and shells often export VAR=). */
export function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === "" ? undefined : v;
}

export function parseSettings(env: NodeJS.ProcessEnv, names: readonly SettingName[]) {
  const values: Partial<Settings> = {};
  const problems: ConfigProblem[] = [];
  for (const name of names) {
    const result = SETTINGS[name].safeParse(read(env, name));
    if (result.success) (values as Record<string, unknown>)[name] = result.data;
    else problems.push({ variable: name, message: result.error.issues.map((i) => i.message).join("; ") });
  }
  return { values, problems };
}
