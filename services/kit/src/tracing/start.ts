import { diag, DiagLogLevel, type DiagLogger } from "@opentelemetry/api";
import type { Logger } from "pino";
import type { TracingSettings } from "./settings.js";

/** The process's tracing, on or off. */
export interface Tracing {
  readonly enabled: boolean;
  /** Sends the spans still buffered, then stops. Call it once the server has drained. Idempotent. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** The resource's service.name: "gateway", or the subgraph's name. */
  service: string;
  settings: TracingSettings;
  /** Where the SDK's own warnings go (an unreachable collector, say). */
  logger?: Logger;
}

const OFF: Tracing = { enabled: false, shutdown: async () => {} };

/** How long shutdown waits for the last spans to leave: a lost collector must not hold up an exit. */
const SHUTDOWN_LIMIT_MS = 5000;

/** The SDK's diagnostics, warnings and errors only, as log lines. */
function diagnostics(logger: Logger): DiagLogger {
  const ignore = () => {};
  return {
    error: (message) => logger.warn({ component: "tracing" }, message),
    warn: (message) => logger.warn({ component: "tracing" }, message),
    info: ignore,
    debug: ignore,
    verbose: ignore,
  };
}

/**
 * Registers the process-wide OpenTelemetry tracer provider when tracing is on: spans batched
 * and sent as OTLP/HTTP JSON to `settings.tracesUrl`, the W3C trace-context propagator (no
 * baggage: it would carry whatever a caller put in it), the AsyncLocalStorage context manager
 * (NodeTracerProvider's default, from @opentelemetry/context-async-hooks), and sampling that
 * follows a parent's decision and keeps `sampleRatio` of new traces. Once per process.
 *
 * When tracing is off this returns at once and loads none of the SDK: its modules are
 * imported here, dynamically, only when on. Spans made through @opentelemetry/api then cost
 * next to nothing (non-recording), and the servers install none of their tracing hooks.
 */
export async function startTracing({ service, settings, logger }: StartTracingOptions): Promise<Tracing> {
  if (!settings.enabled || !settings.tracesUrl) return OFF;
  const [sdk, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/core"),
  ]);
  if (logger) diag.setLogger(diagnostics(logger), DiagLogLevel.WARN);
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(settings.sampleRatio) }),
    // Batch size and delay: OTEL_BSP_* variables, read by the SDK.
    spanProcessors: [new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });

  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown: () =>
      (stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SHUTDOWN_LIMIT_MS);
        provider
          .shutdown()
          .catch((err: unknown) => logger?.warn({ component: "tracing", err: String(err) }, "tracing shutdown failed"))
          .finally(() => {
            clearTimeout(timer);
            resolve();
          });
      })),
  };
}
