import fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found: install it with `apt-get install -y chromium` (npm test does this when run as root) or set CHROMIUM_PATH",
    );
  }
  return found;
}

/** Headless Chromium with everything that would phone out switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Puts a query into the IDE page's editor (GraphiQL's CodeMirror). */
export async function setIdeQuery(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
    const cm = doc.querySelector(".graphiql-query-editor .CodeMirror") as {
      CodeMirror: { setValue(v: string): void };
    };
    cm.CodeMirror.setValue(q);
  }, query);
}

/** Presses the IDE page's run button and returns the result pane's text, whitespace collapsed. */
export async function runIdeQuery(page: Page): Promise<string> {
  await page.click(".graphiql-execute-button");
  const result = page.locator(".result-window");
  await result.locator('text=/"data"|"errors"/').first().waitFor({ timeout: 15_000 });
  return (await result.innerText()).replace(/\s+/g, " ");
}

/** Opens the IDE page at `url` and waits until GraphiQL has rendered. */
export async function openIde(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`the IDE page answered ${response?.status()}`);
  await page.locator(".graphiql-container").waitFor({ timeout: 15_000 });
}

/** The IDE page's status line, once it says something (its script fills it in after load). */
export async function ideStatus(page: Page, expected?: RegExp): Promise<string> {
  const status = page.locator("#status");
  if (expected) await status.filter({ hasText: expected }).waitFor({ timeout: 10_000 });
  return (await status.textContent()) ?? "";
}

/** What the IDE page's token maker makes: the fields it fills in (role, unit, subject, ...). */
export interface IdeTokenOrder {
  role: string;
  unit?: string;
  org?: string;
  sub?: string;
  ttl?: string;
}

/**
 * Opens the token maker (development gateway only), fills it in and makes the token; returns
 * the token the page shows (and now sends). `unit` is chosen first, so that the subject list
 * is the unit's.
 */
export async function makeIdeToken(page: Page, order: IdeTokenOrder): Promise<string> {
  const maker = page.locator("#maker");
  if (!(await maker.evaluate((el) => (el as unknown as { open: boolean }).open))) {
    await maker.locator("summary").click();
  }
  await page.selectOption("#maker-role", order.role);
  await page.selectOption("#maker-unit", order.unit ?? "");
  await page.fill("#maker-org", order.org ?? "");
  await page.fill("#maker-sub", order.sub ?? "");
  if (order.ttl) await page.selectOption("#maker-ttl", order.ttl);
  const previous = await page.inputValue("#maker-token");
  await page.click("#maker-submit");
  await page.waitForFunction(
    (before) => {
      const doc = (globalThis as unknown as { document: { getElementById(id: string): { value: string } | null } })
        .document;
      const value = doc.getElementById("maker-token")?.value ?? "";
      return value !== "" && value !== before;
    },
    previous,
    { timeout: 10_000 },
  );
  return page.inputValue("#maker-token");
}
