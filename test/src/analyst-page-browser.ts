/**
 * For the analyst page's browser tests (analyst-page.browser.test.ts, analyst-page-maps.browser.test.ts):
 * a development federation (the page sends the analyst's development token by default), headless
 * Chromium with the network cut off (every request that is not to the gateway on this machine is
 * refused and listed in `foreign`), anything the Content-Security-Policy refuses and any error of
 * the page's scripts listed in `problems`, and the same questions sent directly to the gateway.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startFederation, type Federation } from "./support/federation.js";
import { launchChromium } from "./support/browser.js";

export interface AnalystBrowser {
  f: Federation;
  page: Page;
  context: BrowserContext;
  origin: string;
  analystToken: string;
  /** The URLs beyond the gateway the page asked for (refused). */
  foreign: string[];
  /** CSP violations and script errors. */
  problems: string[];
  /** The same question sent directly to the gateway, as the analyst (null: as the public); its data. */
  direct<T>(query: string, token?: string | null): Promise<T>;
  stop(): Promise<void>;
}

export async function startAnalystBrowser(): Promise<AnalystBrowser> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-analyst-data-"));
  const tokenSecret = randomBytes(32).toString("base64url");
  fs.writeFileSync(
    path.join(dataDir, "dev-secrets.json"),
    JSON.stringify({ identitySecret: randomBytes(32).toString("base64url"), tokenSecret }),
    { mode: 0o600 },
  );
  let f: Federation | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await f?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    f = await startFederation({
      // An empty JWT_SECRET counts as unset: the gateway signs and verifies with the development secret.
      extraEnv: { NODE_ENV: "development", JWT_SECRET: "", DANVAN_DATA_DIR: dataDir },
    });
    const federation = f;
    const analystToken = await federation.token({ sub: "analyst-test", roles: ["ANALYST"] }, { secret: tokenSecret });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const origin = new URL(federation.gatewayUrl).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const foreign: string[] = [];
    const problems: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      foreign.push(url);
      return route.abort("internetdisconnected");
    });
    await context.addInitScript(() => {
      const g = globalThis as unknown as {
        document: {
          addEventListener(t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void;
        };
        console: { error(s: string): void };
      };
      g.document.addEventListener("securitypolicyviolation", (e) =>
        g.console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const direct = async <T>(query: string, token: string | null = analystToken): Promise<T> => {
      const res = await federation.query(query, token ? { token } : {});
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.errors, undefined, res.text);
      return res.body.data as T;
    };
    return { f: federation, page, context, origin, analystToken, foreign, problems, direct, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
