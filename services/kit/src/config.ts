import { z } from "zod";
import { HEAP_VARIABLES } from "./process/heap.js";
import { TRACING_VARIABLES } from "./tracing/settings.js";

/** Thrown at start-up when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(service: string, problems: string[]) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses `env` with a zod schema, or throws one ConfigError listing every problem. */
export function parseEnv<T extends z.ZodType>(
  service: string,
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`),
    );
  }
  return result.data;
}

const port = z.coerce.number().int().min(0).max(65535);

/** Settings every subgraph reads, each from the environment. */
export function subgraphEnvSchema(defaultPort: number) {
  return z
    .object({
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      HOST: z.string().default("127.0.0.1"),
      PORT: port.default(defaultPort),
      DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (unset it for the embedded SQLite)")
        .optional(),
      SQLITE_PATH: z.string().optional(),
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
      DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
      DATABASE_REPLICA_URLS: z
        .string()
        .optional()
        .transform((v) =>
          (v ?? "")
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "each must be a postgres:// URL, separated by commas"))),
      IDENTITY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
      BODY_LIMIT: z
        .string()
        .regex(/^\d+(b|kb|mb)$/i, "like 1mb or 512kb")
        .default("1mb"),
      SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
      SHUTDOWN_QUIET_MS: z.coerce.number().int().min(0).max(60_000).default(250),
      PUBLIC_CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(60),
      LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      // TRACING, TRACING_SAMPLE_RATIO, OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT: see tracing/settings.ts.
      ...TRACING_VARIABLES,
      // HEAP_GROWING_PERCENT: see process/heap.ts.
      ...HEAP_VARIABLES,
    })
    .refine((e) => e.DATABASE_REPLICA_URLS.length === 0 || !!e.DATABASE_URL, {
      message: "read replicas need DATABASE_URL, the primary they replicate",
      path: ["DATABASE_REPLICA_URLS"],
    })
    .refine((e) => e.NODE_ENV !== "production" || !!e.IDENTITY_SECRET, {
      message: "IDENTITY_SECRET is required in production",
      path: ["IDENTITY_SECRET"],
    });
}

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
