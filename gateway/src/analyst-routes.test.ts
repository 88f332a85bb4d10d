import "./telemetry.js";
import assert from "node:assert/strict";
import fs from "node:fs";
import { rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import express from "express";
import { ANALYST_ASSET_PATHS, ANALYST_CONTENT_SECURITY_POLICY } from "./analyst-page.js";
import { analystAssetFiles, analystRouter } from "./analyst-routes.js";
import { loadConfig, type GatewayConfig } from "./config.js";
import { startGateway } from "./server.js";
import { TEST_IDENTITY_SECRET, TEST_TOKEN_SECRET, writeSupergraph } from "./testing/fake-subgraph.js";
import { startSubgraphs } from "./testing/two-subgraphs.js";

/** Just what the page's routes read of the settings: a development gateway (with the IDE), or not. */
function pageConfig(development: boolean, ideEnabled = true): GatewayConfig {
  return {
    nodeEnv: development ? "development" : "test",
    ideEnabled,
    analystPageEnabled: true,
    token: {
      algorithms: ["HS256"],
      secret: TEST_TOKEN_SECRET,
      secretIsDevDefault: development,
      issuer: "danvan-dev",
      audience: "danvan-graph",
    },
  } as unknown as GatewayConfig;
}

describe("the analyst page's routes", () => {
  let base: string;
  let close: () => Promise<void>;

  before(async () => {
    const app = express();
    app.use("/analyst", analystRouter(pageConfig(true), "/graphql"));
    app.use("/plain/analyst", analystRouter(pageConfig(false, false), "/graphql"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  it("finds Chart.js's UMD build in node_modules", () => {
    const files = analystAssetFiles();
    assert.deepEqual(Object.keys(files), ["chart.umd.js"]);
    const head = fs.readFileSync(files["chart.umd.js"]!, "utf8").slice(0, 200);
    assert.match(head, /Chart\.js v4\./);
  });

  it("serves the page with its CSP, in Vietnamese, in English with ?lang=en", async () => {
    for (const url of [`${base}/analyst`, `${base}/analyst/`]) {
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get("content-security-policy"), ANALYST_CONTENT_SECURITY_POLICY);
      assert.equal(res.headers.get("content-language"), "vi");
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/);
      assert.match(await res.text(), /<html lang="vi">[\s\S]*data-dev-tokens="\/ide\/dev-tokens"/);
    }
    const en = await fetch(`${base}/analyst?lang=en`);
    assert.equal(en.headers.get("content-language"), "en");
    assert.match(await en.text(), /<html lang="en">/);
    const plain = await (await fetch(`${base}/plain/analyst`)).text();
    assert.doesNotMatch(plain, /data-dev-tokens|id="ide-link"/, "no development tokens, no IDE link");
  });

  it("serves its style sheet, its scripts and Chart.js with their types", async () => {
    const types: Record<string, RegExp> = {
      "/analyst/analyst.css": /^text\/css/,
      "/analyst/analyst.js": /^text\/javascript/,
      "/analyst/analyst-logic.js": /^text\/javascript/,
      "/analyst/chart.umd.js": /javascript/,
    };
    for (const asset of ANALYST_ASSET_PATHS) {
      const res = await fetch(`${base}${asset}`);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get("content-type") ?? "", types[asset]!, asset);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.ok((await res.text()).length > 1000, asset);
    }
  });
});

describe("the analyst page in the gateway (ANALYST_PAGE_ENABLED)", () => {
  it("is on outside production and off in production by default", () => {
    const base = { IDENTITY_SECRET: TEST_IDENTITY_SECRET, JWT_SECRET: TEST_TOKEN_SECRET };
    assert.equal(loadConfig({ ...base, NODE_ENV: "test" }).analystPageEnabled, true);
    assert.equal(loadConfig({ ...base, NODE_ENV: "production" }).analystPageEnabled, false);
    const asked = loadConfig({ ...base, NODE_ENV: "production", ANALYST_PAGE_ENABLED: "true" });
    assert.equal(asked.analystPageEnabled, true);
    assert.equal(asked.ideEnabled, false, "the IDE stays off");
    assert.equal(loadConfig({ ...base, NODE_ENV: "test", ANALYST_PAGE_ENABLED: "no" }).analystPageEnabled, false);
  });

  it("is served at /analyst when enabled, and is a 404 when not", async () => {
    const subgraphs = await startSubgraphs();
    const supergraph = await writeSupergraph(subgraphs);
    const env = {
      NODE_ENV: "test",
      PORT: "0",
      SUPERGRAPH_PATH: supergraph,
      IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      JWT_SECRET: TEST_TOKEN_SECRET,
      LOG_LEVEL: "silent",
    };
    const on = await startGateway(loadConfig(env));
    const off = await startGateway(loadConfig({ ...env, ANALYST_PAGE_ENABLED: "false" }));
    try {
      const origin = (url: string) => url.replace(/\/graphql$/, "");
      const page = await fetch(`${origin(on.url)}/analyst`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get("content-security-policy"), ANALYST_CONTENT_SECURITY_POLICY);
      assert.match(await page.text(), /data-endpoint="\/graphql"/);
      assert.equal((await fetch(`${origin(on.url)}/analyst/chart.umd.js`)).status, 200);
      assert.equal((await fetch(`${origin(off.url)}/analyst`)).status, 404);
      assert.equal((await fetch(`${origin(off.url)}/analyst/analyst.js`)).status, 404);
    } finally {
      await on.stop();
      await off.stop();
      await Promise.all(subgraphs.map((s) => s.close()));
      await rm(path.dirname(supergraph), { recursive: true, force: true });
    }
  });
});
