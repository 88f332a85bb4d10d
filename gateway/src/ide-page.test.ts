import assert from "node:assert/strict";
import fs from "node:fs";
import vm from "node:vm";
import { describe, it } from "node:test";
import { DEFAULT_QUERY, IDE_ASSET_PATHS, IDE_CONTENT_SECURITY_POLICY, IDE_SCRIPT, renderIdePage } from "./ide-page.js";
import { ideAssetFiles } from "./ide-routes.js";

describe("IDE page", () => {
  const html = renderIdePage({ endpoint: "/graphql", devTokens: true });

  it("references no absolute http(s) URL: everything is served by the gateway", () => {
    for (const text of [html, IDE_SCRIPT]) assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+/i);
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(srcs.sort(), [...IDE_ASSET_PATHS].sort());
  });

  it("loads the local React, ReactDOM and GraphiQL builds, and no inline script", () => {
    for (const asset of IDE_ASSET_PATHS) assert.ok(html.includes(`"${asset}"`), asset);
    assert.doesNotMatch(html, /<script>(?!<\/script>)/);
    assert.match(IDE_CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
  });

  it("offers every role and explains where tokens come from", () => {
    for (const role of ["public", "officer", "handling-officer", "analyst", "admin"])
      assert.ok(html.includes(`value="${role}"`), role);
    assert.match(html, /npm run token -- --role &lt;role&gt;/);
    assert.match(html, /id="token"/);
    assert.match(html, /data-dev-tokens="\/ide\/dev-tokens"/);
    assert.doesNotMatch(renderIdePage({ endpoint: "/graphql", devTokens: false }), /data-dev-tokens/);
  });

  it("has the default query, and sends the token as a Bearer Authorization header", () => {
    assert.match(DEFAULT_QUERY, /administrativeUnits\(level: DISTRICT\) \{\s+code\s+name\s+\}/);
    assert.ok(html.includes("administrativeUnits(level: DISTRICT)"));
    assert.match(IDE_SCRIPT, /headers\.authorization = "Bearer " \+ token/);
  });

  it("ships a page script that parses", () => {
    assert.doesNotThrow(() => new vm.Script(IDE_SCRIPT));
  });

  it("finds the vendor files in node_modules", () => {
    const files = ideAssetFiles();
    assert.deepEqual(Object.keys(files).sort(), [
      "graphiql.min.css",
      "graphiql.min.js",
      "react-dom.production.min.js",
      "react.production.min.js",
    ]);
    for (const file of Object.values(files)) assert.ok(fs.statSync(file).size > 1000, file);
  });
});
