import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startFederation, type Federation } from "./support/federation.js";
import { launchChromium, runIdeQuery, setIdeQuery } from "./support/browser.js";

/**
 * The IDE page in a real browser with the network cut off: every request that is not to the
 * gateway on this machine is refused, and the page must still load GraphiQL and run queries.
 */
describe("the IDE page in headless Chromium, offline", () => {
  let f: Federation;
  let browser: Browser;
  let page: Page;
  const foreign: string[] = [];

  before(async () => {
    f = await startFederation();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const gatewayOrigin = new URL(f.gatewayUrl).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(gatewayOrigin)) return route.continue();
      foreign.push(url);
      return route.abort("internetdisconnected");
    });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await f?.stop();
  });

  const setQuery = (query: string) => setIdeQuery(page, query);
  const runAndRead = () => runIdeQuery(page);

  it("loads GraphiQL from the gateway alone and runs the default query", async () => {
    const response = await page.goto(f.gatewayUrl, { waitUntil: "load" });
    assert.equal(response?.status(), 200);
    await page.locator(".graphiql-container").waitFor({ timeout: 15_000 });
    const text = await runAndRead();
    assert.match(text, /Thành phố Long Xuyên/);
    assert.match(text, /"code": "884", "name": "Thành phố Châu Đốc"/);
    await page.screenshot({ path: path.join(os.tmpdir(), "danvan-ide.png") });
    assert.deepEqual(foreign, [], "the page asked for nothing beyond the gateway");
  });

  it("sends a pasted token: member records need one", async () => {
    await setQuery(`{ organisation(id: "HND-30280") { members(first: 1) { totalCount } } }`);
    assert.match(await runAndRead(), /UNAUTHENTICATED/);
    await page.fill("#token", await f.token({ sub: "alice", roles: ["OFFICER"], unitCode: "883" }));
    const text = await runAndRead();
    assert.match(text, /"totalCount": \d+/);
    assert.doesNotMatch(text, /UNAUTHENTICATED/);
    assert.deepEqual(foreign, []);
  });
});
