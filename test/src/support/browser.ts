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
