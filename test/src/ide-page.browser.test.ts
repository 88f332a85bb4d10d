import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startFederation, type Federation } from "./support/federation.js";
import { ideStatus, launchChromium, makeIdeToken, openIde, runIdeQuery, setIdeQuery } from "./support/browser.js";

/** The claims of a JWT, unverified (the gateway verifies it when the page sends it). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

/**
 * The IDE page in a real browser with the network cut off: every request that is not to the
 * gateway on this machine is refused, and the page must still load GraphiQL and run queries.
 * The gateway runs as a development gateway (NODE_ENV=development, the token secret from a
 * throw-away data folder's dev-secrets.json), so the role menu and the token maker work.
 */
describe("the IDE page in headless Chromium, offline", () => {
  let f: Federation;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const foreign: string[] = [];
  const tokenSecret = randomBytes(32).toString("base64url");

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-ide-data-"));
    fs.writeFileSync(
      path.join(dataDir, "dev-secrets.json"),
      JSON.stringify({ identitySecret: randomBytes(32).toString("base64url"), tokenSecret }),
      { mode: 0o600 },
    );
    f = await startFederation({
      // An empty JWT_SECRET counts as unset: the gateway signs and verifies with the development secret.
      extraEnv: { NODE_ENV: "development", JWT_SECRET: "", DANVAN_DATA_DIR: dataDir },
    });
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
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const setQuery = (query: string) => setIdeQuery(page, query);
  const runAndRead = () => runIdeQuery(page);

  it("loads GraphiQL from the gateway alone, in Vietnamese, and runs the default query", async () => {
    await openIde(page, f.gatewayUrl);
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    assert.equal(await page.title(), "Đồ thị Dân vận · GraphiQL");
    assert.equal(await page.textContent("#lang-switch"), "English");
    assert.match(await ideStatus(page, /Không gửi token/), /bạn đang xem với tư cách người dân/);
    assert.match((await page.getAttribute("body", "data-default-query")) ?? "", /^# Người dân xem được/);
    const text = await runAndRead();
    // Today's map: province 91's communes, wards and special zones.
    assert.match(text, /"code": "30292",\s*"name": "Phường Bình Đức"/);
    assert.match(text, /"code": "30307",\s*"name": "Phường Long Xuyên"/);
    await page.screenshot({ path: path.join(os.tmpdir(), "danvan-ide.png") });
    assert.deepEqual(foreign, [], "the page asked for nothing beyond the gateway");
  });

  it("switches to English and back with the page's link", async () => {
    await Promise.all([page.waitForURL(/\?lang=en$/), page.click("#lang-switch")]);
    await page.locator(".graphiql-container").waitFor({ timeout: 15_000 });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("#lang-switch"), "Tiếng Việt");
    assert.equal(await ideStatus(page, /Sending no token/), "Sending no token: you are the public.");
    assert.match((await page.getAttribute("body", "data-default-query")) ?? "", /^# The public sees/);
    await page.selectOption("#role", "analyst");
    assert.equal(await ideStatus(page, /analyst/), "Sending a development token for the role analyst.");
    await Promise.all([page.waitForURL((url) => url.search === ""), page.click("#lang-switch")]);
    await page.locator(".graphiql-container").waitFor({ timeout: 15_000 });
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    assert.deepEqual(foreign, []);
  });

  it("sends a pasted token: member records need one", async () => {
    await page.selectOption("#role", "public");
    await setQuery(`{ organisation(id: "HND-30280") { members(first: 1) { totalCount } } }`);
    assert.match(await runAndRead(), /UNAUTHENTICATED/);
    await page.fill(
      "#token",
      await f.token({ sub: "alice", roles: ["OFFICER"], unitCode: "883" }, { secret: tokenSecret }),
    );
    const text = await runAndRead();
    assert.match(text, /"totalCount": \d+/);
    assert.doesNotMatch(text, /UNAUTHENTICATED/);
    assert.deepEqual(foreign, []);
  });

  it("still sends a development token for the role picked from the menu", async () => {
    await page.fill("#token", "");
    await page.selectOption("#role", "officer");
    assert.equal(await ideStatus(page, /cán bộ/), "Đang gửi token phát triển cho vai trò cán bộ.");
    const text = await runAndRead();
    assert.match(text, /"totalCount": \d+/);
    assert.doesNotMatch(text, /UNAUTHENTICATED|FORBIDDEN/);
  });

  it("makes a handling officer's token for a commune with a listed subject, and runs a query with it", async () => {
    await page.selectOption("#role", "public");
    await page.locator("#maker summary").click();
    await page.selectOption("#maker-role", "handling-officer");
    await page.selectOption("#maker-unit", "30280");
    const listed = await page.$$eval("#maker-subjects option", (options) =>
      options.map((o) => (o as unknown as { value: string }).value),
    );
    assert.deepEqual(listed, ["officer-30280-1", "officer-30280-2", "officer-30280-3"]);
    const handler = listed[0]!;

    const token = await makeIdeToken(page, { role: "handling-officer", unit: "30280", sub: handler, ttl: "15m" });
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(
      { sub: claimsOf(token).sub, roles: claimsOf(token).roles, unit: claimsOf(token).unit },
      { sub: handler, roles: ["HANDLING_OFFICER"], unit: "30280" },
    );
    assert.equal(await page.inputValue("#token"), token, "the page now sends the token it made");
    assert.match(
      await ideStatus(page, /officer-30280-1/),
      /^Đang gửi token bạn vừa tạo: cán bộ xử lý đơn, chủ thể officer-30280-1, đơn vị 30280\.$/,
    );

    await setQuery(`{ petitions(first: 100, unitCode: "30280") { totalCount edges { node { unit { code } } } } }`);
    const text = await runAndRead();
    assert.doesNotMatch(text, /"errors"/);
    const handled = Number(/"totalCount": (\d+)/.exec(text)?.[1]);
    assert.ok(handled > 0, `officer-30280-1 handles some of Mỹ Bình's petitions: ${text.slice(0, 300)}`);
    const codes = [...text.matchAll(/"code": "(\d+)"/g)].map((m) => m[1]);
    assert.ok(codes.length > 0 && codes.every((c) => c === "30280"), codes.join(","));

    // Another subject, not among the seeded handlers: the same unit, no petition of theirs.
    await makeIdeToken(page, { role: "handling-officer", unit: "30280", sub: "nobody-30280" });
    assert.match(await runAndRead(), /"totalCount": 0/);
    assert.deepEqual(foreign, []);
  });

  it("shows a refusal from the token route in the page's language", async () => {
    await page.selectOption("#maker-role", "officer");
    await page.selectOption("#maker-unit", "883");
    await page.fill("#maker-sub", "has space");
    await page.click("#maker-submit");
    assert.match(
      await ideStatus(page, /Không tạo được token/),
      /^Không tạo được token: sub phải dài từ 1 đến 128 ký tự/,
    );
    assert.deepEqual(foreign, []);
  });
});
