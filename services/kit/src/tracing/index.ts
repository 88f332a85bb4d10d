// OpenTelemetry tracing, off unless TRACING=otlp: nothing here loads the SDK until startTracing does.
export { startTracing, type StartTracingOptions, type Tracing } from "./start.js";
export {
  readTracingSettings,
  tracingSettingsOf,
  TRACING_OFF,
  TRACING_VARIABLES,
  type TracingProblem,
  type TracingSettings,
  type TracingVariables,
} from "./settings.js";
export {
  injectTraceContext,
  operationSpanPlugin,
  serverSpans,
  spanOperationName,
  TRACER_NAME,
  type ServerSpanOptions,
} from "./spans.js";
