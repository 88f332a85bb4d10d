import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { propagation, trace } from "@opentelemetry/api";
import { startTracing } from "./start.js";

/** Modules of the OpenTelemetry SDK this process has loaded (import() of CommonJS fills require's cache). */
const sdkModules = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((file) =>
    /@opentelemetry[\\/](sdk-trace|exporter-trace-otlp-http|resources|core)[\\/]/.test(file),
  );

describe("startTracing", () => {
  it("costs nothing when off: no SDK loaded, no provider, no propagator", async () => {
    const tracing = await startTracing({ service: "t", settings: { enabled: false, sampleRatio: 1 } });
    assert.equal(tracing.enabled, false);
    await tracing.shutdown();
    assert.deepEqual(sdkModules(), []);
    assert.equal(trace.getTracer("t").startSpan("s").isRecording(), false);
    assert.deepEqual(propagation.fields(), []);
  });

  // Last: it registers the process-wide provider. Nothing listens at the URL; shutdown still returns.
  it("when on, registers a provider that records, and the W3C trace-context propagator only", async () => {
    const tracing = await startTracing({
      service: "t",
      settings: { enabled: true, sampleRatio: 1, tracesUrl: "http://127.0.0.1:9/v1/traces" },
    });
    assert.equal(tracing.enabled, true);
    assert.ok(sdkModules().length > 0, "the check above would have seen a loaded SDK");
    assert.equal(trace.getTracer("t").startSpan("s").isRecording(), true);
    assert.deepEqual(propagation.fields().sort(), ["traceparent", "tracestate"]);
    await tracing.shutdown();
  });
});
