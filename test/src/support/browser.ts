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

/** A question for the analyst page's form: what to pick in each of its fields. */
export interface AnalystQuestion {
  /** households, support, contributions, houses, petitions or members. */
  aggregate: string;
  /** A reference unit's code (the province when left out). */
  unit?: string;
  year?: number;
  from?: string;
  to?: string;
  asOf?: string;
  /** 1 to 4 dimensions, in order (DISTRICT, KIND, ...); the page's other dimension menus are emptied. */
  dimensions: string[];
  /** Filter fields: the enum values to tick, or a whole number. */
  filters?: Record<string, string[] | number>;
  /** The measure to sort by (SortBy's value, EVENTS, ...), "" for the dimensions' order; the page's default when left out. */
  sort?: string;
  direction?: "ASC" | "DESC";
  first?: number | string;
  /** The caller menu (development gateway): public, analyst, ... */
  role?: string;
  /** A token to paste ("" empties the field). */
  token?: string;
}

/** Opens the analyst page at `url` and waits until its script has filled the form in. */
export async function openAnalystPage(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`the analyst page answered ${response?.status()}`);
  await page.locator("#dim-1 option").first().waitFor({ state: "attached", timeout: 15_000 });
}

/**
 * Fills the analyst page's form in with `q`, asks, and waits for the answer or the refusal:
 * "done" (a table, a chart, ...) or "failed" (faults shown by field).
 */
export async function askAnalystPage(page: Page, q: AnalystQuestion): Promise<"done" | "failed"> {
  await page.selectOption("#aggregate", q.aggregate);
  await page.selectOption("#unit", q.unit ?? "89");
  if (q.year !== undefined) await page.fill("#year", String(q.year));
  if (q.from !== undefined) await page.fill("#from", q.from);
  if (q.to !== undefined) await page.fill("#to", q.to);
  if (q.asOf !== undefined) await page.fill("#as-of", q.asOf);
  for (let i = 0; i < 4; i++) await page.selectOption(`#dim-${i + 1}`, q.dimensions[i] ?? "");
  for (const [field, value] of Object.entries(q.filters ?? {})) {
    if (typeof value === "number") await page.fill(`#filter-${field}`, String(value));
    else for (const v of value) await page.check(`#filter-${field} input[value="${v}"]`);
  }
  if (q.sort !== undefined) await page.selectOption("#sort", q.sort);
  if (q.direction) await page.selectOption("#direction", q.direction);
  if (q.first !== undefined) await page.fill("#first", String(q.first));
  if (q.role !== undefined) await page.selectOption("#role", q.role);
  if (q.token !== undefined) await page.fill("#token", q.token);
  const answered = Number((await page.getAttribute("#status", "data-answers")) ?? "0");
  await page.click("#run");
  await page.waitForFunction(
    (before) => {
      const doc = (
        globalThis as unknown as {
          document: { getElementById(id: string): { getAttribute(n: string): string | null } | null };
        }
      ).document;
      return Number(doc.getElementById("status")?.getAttribute("data-answers") ?? "0") > before;
    },
    answered,
    { timeout: 30_000 },
  );
  return (await page.getAttribute("#status", "data-state")) === "done" ? "done" : "failed";
}

/** One cell of the analyst page's table: what it shows and its raw value (data-value: digits, codes, enum values). */
export interface AnalystCell {
  text: string;
  value: string | null;
}

/** The analyst page's table: its column ids and headers, its rows by column id, and which rows are marked suppressed. */
export async function analystTable(
  page: Page,
): Promise<{ columns: string[]; headers: string[]; rows: Record<string, AnalystCell>[]; suppressed: boolean[] }> {
  return page.evaluate(() => {
    type El = {
      getAttribute(n: string): string | null;
      textContent: string | null;
      className: string;
      querySelectorAll(s: string): El[];
    };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): El[] } }).document;
    const heads = [...doc.querySelectorAll("#table thead th")];
    const trs = [...doc.querySelectorAll("#table tbody tr")];
    return {
      columns: heads.map((th) => th.getAttribute("data-column") ?? ""),
      headers: heads.map((th) => th.textContent ?? ""),
      rows: trs.map((tr) =>
        Object.fromEntries(
          [...tr.querySelectorAll("td")].map((td) => [
            td.getAttribute("data-column") ?? "",
            { text: td.textContent ?? "", value: td.getAttribute("data-value") },
          ]),
        ),
      ),
      suppressed: trs.map((tr) => tr.className.split(" ").includes("suppressed")),
    };
  });
}

/** What the analyst page's chart draws (Chart.js's own data for its canvas). */
export async function analystChart(
  page: Page,
): Promise<{ type: string; labels: string[]; datasets: { label: string; data: (number | null)[] }[] }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { getElementById(id: string): unknown };
      Chart: {
        getChart(canvas: unknown):
          | {
              config: { type: string };
              data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
            }
          | undefined;
      };
    };
    const chart = g.Chart.getChart(g.document.getElementById("chart"));
    if (!chart) throw new Error("no chart on the page");
    return {
      type: chart.config.type,
      labels: [...chart.data.labels],
      datasets: chart.data.datasets.map((d) => ({ label: d.label, data: [...d.data] })),
    };
  });
}

/** The analyst page's ranking of units: each unit's code, name and value, in order. */
export async function analystRanking(page: Page): Promise<{ code: string; name: string; value: number }[]> {
  return page.$$eval("#ranking li", (items) =>
    items.map((li) => {
      const el = li as unknown as {
        getAttribute(n: string): string | null;
        querySelector(s: string): { textContent: string | null } | null;
      };
      return {
        code: el.getAttribute("data-code") ?? "",
        name: el.querySelector(".name")?.textContent ?? "",
        value: Number(el.getAttribute("data-value")),
      };
    }),
  );
}

/** The analyst page's faults: the listed lines, and each field's note by the control it sits beside. */
export async function analystErrors(page: Page): Promise<{ list: string[]; byField: Record<string, string> }> {
  const list = await page.locator("#error-list li").allTextContents();
  const notes = await page.$$eval(".field-error", (els) =>
    els.map((el) => {
      const e = el as unknown as { getAttribute(n: string): string | null; textContent: string | null };
      return [e.getAttribute("data-for") ?? "", e.textContent ?? ""] as [string, string];
    }),
  );
  return { list, byField: Object.fromEntries(notes) };
}

/** A CSV file's text (RFC 4180: quoted fields, "" for a quote) as rows of fields; the last empty line dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
