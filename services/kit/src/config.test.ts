import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, parseEnv, subgraphEnvSchema } from "./config.js";

describe("subgraph configuration", () => {
  it("applies defaults", () => {
    const env = parseEnv("t", subgraphEnvSchema(4001), {});
    assert.equal(env.PORT, 4001);
    assert.equal(env.NODE_ENV, "development");
    assert.equal(env.DATABASE_URL, undefined);
  });

  it("names every bad variable in one message", () => {
    assert.throws(
      () =>
        parseEnv("organisations", subgraphEnvSchema(4001), {
          PORT: "abc",
          DATABASE_URL: "mysql://x",
          BODY_LIMIT: "lots",
        }),
      (e: Error) =>
        e instanceof ConfigError &&
        /PORT/.test(e.message) &&
        /DATABASE_URL/.test(e.message) &&
        /BODY_LIMIT/.test(e.message),
    );
  });

  it("requires the identity secret in production", () => {
    assert.throws(() => parseEnv("t", subgraphEnvSchema(1), { NODE_ENV: "production" }), /IDENTITY_SECRET/);
    assert.equal(
      parseEnv("t", subgraphEnvSchema(1), { NODE_ENV: "production", IDENTITY_SECRET: "x".repeat(32) }).NODE_ENV,
      "production",
    );
  });
});
