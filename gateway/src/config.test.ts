import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { ConfigError, loadConfig, loadTokenSettings, repoRoot, subgraphUrlVariable } from "./config.js";
import { TEST_IDENTITY_SECRET, TEST_TOKEN_SECRET } from "./testing/fake-subgraph.js";

const base = { NODE_ENV: "test", IDENTITY_SECRET: TEST_IDENTITY_SECRET, JWT_SECRET: TEST_TOKEN_SECRET };

function problemsOf(fn: () => unknown): Map<string, string> {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return new Map(err.problems.map((p) => [p.variable, p.message]));
  }
  assert.fail("expected a ConfigError");
}

describe("config", () => {
  it("has defaults for everything but secrets", () => {
    const c = loadConfig(base);
    assert.equal(c.nodeEnv, "test");
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.port, 4000);
    assert.equal(c.supergraphPath, `${repoRoot}/schema/supergraph.graphql`);
    assert.equal(c.subgraphTimeoutMs, 10_000);
    assert.deepEqual(c.token.algorithms, ["HS256"]);
    assert.equal(c.token.issuer, "danvan-dev");
    assert.equal(c.token.audience, "danvan-graph");
    assert.equal(c.token.secretIsDevDefault, false);
    assert.equal(c.bodyLimit, "1mb");
    assert.equal(c.ideEnabled, true);
    assert.equal(c.introspection, true);
    assert.equal(c.logLevel, "info");
  });

  it("names every bad variable in one error, without repeating secret values", () => {
    const env = {
      ...base,
      PORT: "eighty",
      SUBGRAPH_TIMEOUT_MS: "0",
      IDENTITY_SECRET: "too-short-secret-value",
      JWT_ALGORITHMS: "HS256,none",
      BODY_LIMIT: "lots",
      IDE_ENABLED: "perhaps",
      LOG_LEVEL: "loud",
      NODE_ENV: "staging",
      SUBGRAPH_URL_ORGANISATIONS: "not a url",
    };
    let message = "";
    try {
      loadConfig(env);
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of [
      "PORT",
      "SUBGRAPH_TIMEOUT_MS",
      "IDENTITY_SECRET",
      "JWT_ALGORITHMS",
      "BODY_LIMIT",
      "IDE_ENABLED",
      "LOG_LEVEL",
      "NODE_ENV",
      "SUBGRAPH_URL_ORGANISATIONS",
    ]) {
      assert.match(message, new RegExp(`- ${name}: `), `${name} missing from:\n${message}`);
    }
    assert.match(message, /"none" algorithm is never allowed/);
    assert.ok(!message.includes("too-short-secret-value"), "the message repeats a secret");
  });

  it("requires the secrets and a key source in production, and turns the IDE and introspection off", () => {
    const p = problemsOf(() => loadConfig({ NODE_ENV: "production" }));
    assert.match(p.get("IDENTITY_SECRET") ?? "", /required in production/);
    assert.match(p.get("JWT_SECRET") ?? "", /required in production/);
    const c = loadConfig({ ...base, NODE_ENV: "production" });
    assert.equal(c.ideEnabled, false);
    assert.equal(c.introspection, false);
    assert.equal(loadConfig({ ...base, NODE_ENV: "production", IDE_ENABLED: "true" }).ideEnabled, true);
  });

  it("needs a public key or a JWKS URL for asymmetric algorithms, and accepts a PEM", () => {
    const p = problemsOf(() => loadConfig({ ...base, JWT_ALGORITHMS: "RS256" }));
    assert.match(p.get("JWT_PUBLIC_KEY") ?? "", /JWKS_URL is required/);
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const c = loadConfig({ ...base, JWT_ALGORITHMS: "ES256", JWT_PUBLIC_KEY: pem.replace(/\n/g, "\\n") });
    assert.equal(c.token.publicKey?.asymmetricKeyType, "ec");
    assert.equal(c.token.secret, undefined, "an HS secret is not kept when no HS algorithm is allowed");
    const bad = problemsOf(() =>
      loadConfig({
        ...base,
        JWT_ALGORITHMS: "ES256",
        JWT_PUBLIC_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      }),
    );
    assert.match(bad.get("JWT_PUBLIC_KEY") ?? "", /private key/);
    const both = problemsOf(() =>
      loadConfig({ ...base, JWT_ALGORITHMS: "ES256", JWT_PUBLIC_KEY: pem, JWKS_URL: "https://idp.example/jwks" }),
    );
    assert.match(both.get("JWKS_URL") ?? "", /only one/);
  });

  it("refuses the same secret for identities and caller tokens", () => {
    const p = problemsOf(() => loadConfig({ ...base, JWT_SECRET: TEST_IDENTITY_SECRET }));
    assert.match(p.get("IDENTITY_SECRET") ?? "", /must differ/);
  });

  it("reads SUBGRAPH_URL_<NAME> overrides and treats empty variables as unset", () => {
    const c = loadConfig({
      ...base,
      SUBGRAPH_URL_ORGANISATIONS: "http://orgs:4001/graphql",
      PORT: "",
      HOST: "0.0.0.0",
    });
    assert.equal(c.subgraphUrls.get("ORGANISATIONS"), "http://orgs:4001/graphql");
    assert.equal(c.port, 4000);
    assert.equal(c.host, "0.0.0.0");
    assert.equal(subgraphUrlVariable("organisations"), "SUBGRAPH_URL_ORGANISATIONS");
    assert.equal(subgraphUrlVariable("fund-for-the-poor"), "SUBGRAPH_URL_FUND_FOR_THE_POOR");
  });

  it("reads the tracing settings: off by default, otlp needing a collector, the caller's trace ignored", () => {
    const off = loadConfig(base);
    assert.deepEqual(off.tracing, { enabled: false, sampleRatio: 1 });
    assert.equal(off.tracingTrustIncoming, false);
    const on = loadConfig({
      ...base,
      TRACING: "otlp",
      TRACING_SAMPLE_RATIO: "0.1",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
      TRACING_TRUST_INCOMING: "true",
    });
    assert.deepEqual(on.tracing, { enabled: true, sampleRatio: 0.1, tracesUrl: "http://collector:4318/v1/traces" });
    assert.equal(on.tracingTrustIncoming, true);
    assert.match(
      problemsOf(() => loadConfig({ ...base, TRACING: "otlp" })).get("OTEL_EXPORTER_OTLP_ENDPOINT")!,
      /required/,
    );
    const bad = problemsOf(() =>
      loadConfig({
        ...base,
        TRACING: "otlp",
        TRACING_SAMPLE_RATIO: "2",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "collector:4318",
        TRACING_TRUST_INCOMING: "maybe",
      }),
    );
    assert.deepEqual([...bad.keys()].sort(), [
      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
      "TRACING_SAMPLE_RATIO",
      "TRACING_TRUST_INCOMING",
    ]);
  });

  it("reads how far the heap may grow past its live data: 50% unless set, 0 for V8's own", () => {
    assert.equal(loadConfig(base).heapGrowingPercent, 50);
    assert.equal(loadConfig({ ...base, HEAP_GROWING_PERCENT: "0" }).heapGrowingPercent, 0);
    assert.match(
      problemsOf(() => loadConfig({ ...base, HEAP_GROWING_PERCENT: "lots" })).get("HEAP_GROWING_PERCENT")!,
      /whole number from 0 to 400/,
    );
  });

  it("loads the token settings alone for the CLI, ignoring unrelated bad variables", () => {
    const t = loadTokenSettings({ ...base, PORT: "nope", JWT_ISSUER: "me", JWT_AUDIENCE: "you" });
    assert.equal(t.secret, TEST_TOKEN_SECRET);
    assert.equal(t.issuer, "me");
    assert.equal(t.audience, "you");
  });
});
