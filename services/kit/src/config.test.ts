import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, parseEnv, subgraphEnvSchema } from "./config.js";

describe("subgraph configuration", () => {
  it("applies defaults", () => {
    const env = parseEnv("t", subgraphEnvSchema(4001), {});
    assert.equal(env.PORT, 4001);
    assert.equal(env.NODE_ENV, "development");
    assert.equal(env.DATABASE_URL, undefined);
    assert.equal(env.HEAP_GROWING_PERCENT, 50);
  });

  it("names every bad variable in one message", () => {
    assert.throws(
      () =>
        parseEnv("organisations", subgraphEnvSchema(4001), {
          PORT: "abc",
          DATABASE_URL: "mysql://x",
          BODY_LIMIT: "lots",
          HEAP_GROWING_PERCENT: "1000",
        }),
      (e: Error) =>
        e instanceof ConfigError &&
        /HEAP_GROWING_PERCENT: must be a whole number from 0 to 400/.test(e.message) &&
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

  it("reads replica URLs as a comma-separated list of postgres:// URLs, only beside a primary", () => {
    const primary = "postgres://db-primary/danvan_organisations";
    assert.deepEqual(parseEnv("t", subgraphEnvSchema(1), {}).DATABASE_REPLICA_URLS, []);
    assert.deepEqual(
      parseEnv("t", subgraphEnvSchema(1), {
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: " postgres://r1/danvan_organisations, postgresql://r2/danvan_organisations ",
      }).DATABASE_REPLICA_URLS,
      ["postgres://r1/danvan_organisations", "postgresql://r2/danvan_organisations"],
    );
    assert.throws(
      () => parseEnv("t", subgraphEnvSchema(1), { DATABASE_URL: primary, DATABASE_REPLICA_URLS: "mysql://r1/x" }),
      /DATABASE_REPLICA_URLS.*postgres:\/\//,
    );
    assert.throws(
      () => parseEnv("t", subgraphEnvSchema(1), { DATABASE_REPLICA_URLS: "postgres://r1/x" }),
      /DATABASE_REPLICA_URLS: read replicas need DATABASE_URL/,
    );
  });
});
