import { z } from "zod";

/**
 * The tracing settings every process reads (the gateway adds TRACING_TRUST_INCOMING). One
 * parser per variable, so that the subgraphs' schema and the gateway's list both report each
 * bad variable by name. An empty variable counts as unset; messages never repeat a value (an
 * endpoint may carry credentials).
 */

const unsetWhenEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const endpoint = z.preprocess(
  unsetWhenEmpty,
  z.string().refine(isHttpUrl, "must be an http(s) URL, like http://otel-collector:4318").optional(),
);

export const TRACING_VARIABLES = {
  TRACING: z.preprocess(unsetWhenEmpty, z.enum(["off", "otlp"], "must be off or otlp").default("off")),
  TRACING_SAMPLE_RATIO: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return 1;
        const n = /^\s*(\d+\.?\d*|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
        if (!(n >= 0 && n <= 1)) {
          ctx.addIssue({ code: "custom", message: "must be a number from 0 to 1 (the share of new traces kept)" });
          return z.NEVER;
        }
        return n;
      }),
  ),
  /** The collector's base URL: spans go to <endpoint>/v1/traces (the OpenTelemetry convention). */
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
  /** The full traces URL, used as is; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint,
};

export type TracingVariables = { [K in keyof typeof TRACING_VARIABLES]: z.output<(typeof TRACING_VARIABLES)[K]> };

/** What startTracing needs, once the variables are read. */
export interface TracingSettings {
  readonly enabled: boolean;
  /** The share of new traces (roots) kept, 0 to 1; a continued trace follows its parent's choice. */
  readonly sampleRatio: number;
  /** Where spans are sent as OTLP/HTTP JSON (set when enabled). */
  readonly tracesUrl?: string;
}

export const TRACING_OFF: TracingSettings = { enabled: false, sampleRatio: 1 };

export interface TracingProblem {
  readonly variable: string;
  readonly message: string;
}

/** The traces URL: the traces endpoint as is, else the base endpoint with /v1/traces appended. */
function tracesUrlOf(v: Partial<TracingVariables>): string | undefined {
  if (v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!v.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  return `${v.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
}

/**
 * Settings from variables already parsed one by one (problems with a single variable are the
 * caller's to report); adds what depends on several: TRACING=otlp needs an endpoint.
 */
export function tracingSettingsOf(v: Partial<TracingVariables>): {
  settings?: TracingSettings;
  problems: TracingProblem[];
} {
  if (v.TRACING !== "otlp") return { settings: TRACING_OFF, problems: [] };
  const tracesUrl = tracesUrlOf(v);
  if (!tracesUrl) {
    return {
      problems: [
        {
          variable: "OTEL_EXPORTER_OTLP_ENDPOINT",
          message: "is required when TRACING=otlp (or set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)",
        },
      ],
    };
  }
  return { settings: { enabled: true, sampleRatio: v.TRACING_SAMPLE_RATIO ?? 1, tracesUrl }, problems: [] };
}

/** Reads and checks every tracing variable of `env`; each problem names its variable. */
export function readTracingSettings(env: NodeJS.ProcessEnv): {
  settings?: TracingSettings;
  problems: TracingProblem[];
} {
  const values: Partial<Record<keyof TracingVariables, unknown>> = {};
  const problems: TracingProblem[] = [];
  for (const [name, schema] of Object.entries(TRACING_VARIABLES)) {
    const result = schema.safeParse(env[name]);
    if (result.success) values[name as keyof TracingVariables] = result.data;
    else problems.push({ variable: name, message: result.error.issues.map((i) => i.message).join("; ") });
  }
  if (problems.length > 0) return { problems };
  return tracingSettingsOf(values as TracingVariables);
}
