import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, parseEnv, subgraphEnvSchema } from "../config.js";
import { readTracingSettings } from "./settings.js";

const problemsOf = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(readTracingSettings(env).problems.map((p) => [p.variable, p.message]));

describe("tracing settings", () => {
  it("are off by default, and off needs nothing else", () => {
    assert.deepEqual(readTracingSettings({}), { settings: { enabled: false, sampleRatio: 1 }, problems: [] });
    assert.equal(readTracingSettings({ TRACING: "off", OTEL_EXPORTER_OTLP_ENDPOINT: "" }).settings?.enabled, false);
  });

  it("send to <endpoint>/v1/traces, or to the traces endpoint as given", () => {
    const base = readTracingSettings({ TRACING: "otlp", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" });
    assert.deepEqual(base.settings, { enabled: true, sampleRatio: 1, tracesUrl: "http://collector:4318/v1/traces" });
    const full = readTracingSettings({
      TRACING: "otlp",
      TRACING_SAMPLE_RATIO: "0.25",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example/otlp/spans",
    });
    assert.deepEqual(full.settings, {
      enabled: true,
      sampleRatio: 0.25,
      tracesUrl: "https://traces.example/otlp/spans",
    });
  });

  it("name each bad variable, without repeating its value", () => {
    assert.match(problemsOf({ TRACING: "jaeger" }).TRACING!, /off or otlp/);
    for (const ratio of ["1.5", "-0.1", "half", "NaN"])
      assert.match(problemsOf({ TRACING_SAMPLE_RATIO: ratio }).TRACING_SAMPLE_RATIO!, /from 0 to 1/, ratio);
    const bad = problemsOf({ TRACING: "otlp", OTEL_EXPORTER_OTLP_ENDPOINT: "ftp://user:secret@collector" });
    assert.match(bad.OTEL_EXPORTER_OTLP_ENDPOINT!, /http\(s\) URL/);
    assert.doesNotMatch(JSON.stringify(bad), /secret/);
    assert.match(problemsOf({ TRACING: "otlp" }).OTEL_EXPORTER_OTLP_ENDPOINT!, /required when TRACING=otlp/);
  });

  it("are part of every subgraph's settings, checked with the rest", () => {
    const env = parseEnv("t", subgraphEnvSchema(4001), { TRACING: "otlp", TRACING_SAMPLE_RATIO: "0" });
    assert.equal(env.TRACING, "otlp");
    assert.equal(env.TRACING_SAMPLE_RATIO, 0);
    assert.throws(
      () => parseEnv("programs", subgraphEnvSchema(4002), { TRACING: "on", TRACING_SAMPLE_RATIO: "2", PORT: "x" }),
      (e: Error) =>
        e instanceof ConfigError && ["TRACING:", "TRACING_SAMPLE_RATIO:", "PORT:"].every((v) => e.message.includes(v)),
    );
  });
});
