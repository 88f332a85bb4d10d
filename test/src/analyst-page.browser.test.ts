import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Federation } from "./support/federation.js";
import {
  analystChart,
  analystErrors,
  analystRanking,
  analystTable,
  askAnalystPage,
  openAnalystPage,
  parseCsv,
} from "./support/browser.js";
import { startAnalystBrowser, type AnalystBrowser } from "./analyst-page-browser.js";

interface SupportRow {
  district?: { code: string; name: string };
  kind?: string;
  month?: string;
  events: number;
  amountVnd: number | string;
}

/**
 * The analyst page (GET /analyst) in a real browser with the network cut off: every request that
 * is not to the gateway on this machine is refused, and the page must still load Chart.js and its
 * scripts, ask the graph and show its figures. The gateway runs as a development gateway, so the
 * page sends the analyst's development token by default. What the page shows is checked against
 * the same questions sent directly to the gateway. The maps and the coverage (issue 27):
 * analyst-page-maps.browser.test.ts.
 */
describe("the analyst page in headless Chromium, offline", () => {
  let b: AnalystBrowser;
  let f: Federation;
  let page: Page;
  let analystToken: string;
  let origin: string;
  let foreign: string[];
  let problems: string[];

  before(async () => {
    b = await startAnalystBrowser();
    ({ f, page, analystToken, origin, foreign, problems } = b);
  });

  after(async () => {
    await b?.stop();
  });

  /** The same question sent directly to the gateway, as the analyst (null: as the public). */
  const direct = <T>(query: string, token: string | null = analystToken) => b.direct<T>(query, token);

  const SUPPORT_2019 = `{
    supportAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [DISTRICT, KIND],
                     orderBy: [{ by: EVENTS, direction: DESC }], first: 100) {
      rows { district { code name } kind events amountVnd }
      totalRows
    }
    fundSummary(unitCode: "89", from: "2019-01-01", to: "2019-12-31") { supportEvents }
  }`;

  it("loads from the gateway alone, in Vietnamese, sending the analyst's development token", async () => {
    await openAnalystPage(page, `${origin}/analyst`);
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    assert.equal(await page.title(), "Đồ thị Dân vận · Trang phân tích");
    assert.equal(await page.textContent("#lang-switch"), "English");
    assert.equal(await page.inputValue("#role"), "analyst");
    assert.equal(await page.inputValue("#unit"), "91", "today's province first");
    assert.equal(await page.inputValue("#map"), "AS_RECORDED");
    await page
      .locator("#caller-status")
      .filter({ hasText: /chuyên viên phân tích/ })
      .waitFor({ timeout: 10_000 });
    assert.equal(
      await page.textContent("#caller-status"),
      "Đang gửi token phát triển cho vai trò chuyên viên phân tích.",
    );
    assert.equal(await page.evaluate(() => typeof (globalThis as unknown as { Chart?: unknown }).Chart), "function");
    assert.deepEqual(foreign, [], "the page asked for nothing beyond the gateway");
    assert.deepEqual(problems, []);
  });

  it("groups support by district and kind for 2019: the table, the chart and the ranking show the graph's figures", async () => {
    const outcome = await askAnalystPage(page, {
      aggregate: "support",
      from: "2019-01-01",
      to: "2019-12-31",
      dimensions: ["DISTRICT", "KIND"],
      sort: "EVENTS",
      direction: "DESC",
      first: 100,
    });
    assert.equal(outcome, "done", (await analystErrors(page)).list.join("; "));
    const graph = await direct<{
      supportAggregate: { rows: SupportRow[]; totalRows: number };
      fundSummary: { supportEvents: number };
    }>(SUPPORT_2019);
    const expected = graph.supportAggregate.rows;
    assert.ok(expected.length > 0, "the graph has support in 2019");

    const table = await analystTable(page);
    assert.deepEqual(table.columns, ["district.code", "district", "kind", "events", "amountVnd"]);
    assert.deepEqual(table.headers, [
      "Huyện, thị xã, thành phố (mã)",
      "Huyện, thị xã, thành phố",
      "Loại",
      "Số lượt hỗ trợ",
      "Số tiền (đồng)",
    ]);
    const key = (code: string, kind: string) => `${code}/${kind}`;
    const shown = table.rows.map((r) => ({
      key: key(r["district.code"]!.text, r.kind!.value!),
      name: r.district!.text,
      events: Number(r.events!.value),
      amountVnd: String(r.amountVnd!.value),
    }));
    const want = expected.map((r) => ({
      key: key(r.district!.code, r.kind!),
      name: r.district!.name,
      events: r.events,
      amountVnd: String(r.amountVnd),
    }));
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    assert.deepEqual([...shown].sort(byKey), [...want].sort(byKey), "the table holds the graph's rows");
    const events = shown.map((r) => r.events);
    assert.deepEqual(
      events,
      [...events].sort((a, b) => b - a),
      "sorted by events, largest first",
    );
    assert.equal(await page.getAttribute("#result", "data-total-rows"), String(graph.supportAggregate.totalRows));
    const vi = new Intl.NumberFormat("vi-VN");
    assert.ok(
      ((await page.textContent("#result-summary")) ?? "").startsWith(
        `${vi.format(table.rows.length)} trên tổng số ${vi.format(graph.supportAggregate.totalRows)} dòng.`,
      ),
    );
    // Vietnamese labels, figures in Vietnamese notation.
    assert.ok(
      table.rows.every((r) => r.kind!.text !== r.kind!.value),
      "kinds shown by their Vietnamese names",
    );
    const big = table.rows.find((r) => Number(r.amountVnd!.value) >= 1000);
    if (big) assert.match(big.amountVnd!.text, /^\d{1,3}(\.\d{3})+$/);
    // Exact: the rows add up to the year's support events of the fund summary.
    if (graph.supportAggregate.totalRows <= 100)
      assert.equal(
        events.reduce((a, b) => a + b, 0),
        graph.fundSummary.supportEvents,
      );

    const chart = await analystChart(page);
    assert.equal(chart.type, "bar");
    assert.equal(await page.getAttribute("#chart", "data-chart-type"), "bar");
    const districts = [...new Set(expected.map((r) => r.district!.name))].sort();
    assert.deepEqual([...chart.labels].sort(), districts, "a bar per district");
    const kindLabel = new Map(table.rows.map((r) => [r.kind!.value!, r.kind!.text]));
    assert.deepEqual(
      chart.datasets.map((d) => d.label).sort(),
      [...new Set(expected.map((r) => kindLabel.get(r.kind!)!))].sort(),
      "a series per kind",
    );
    for (const d of chart.datasets) {
      chart.labels.forEach((district, i) => {
        const row = expected.find((r) => r.district!.name === district && kindLabel.get(r.kind!) === d.label);
        assert.equal(d.data[i], row ? row.events : null, `${district} · ${d.label}`);
      });
    }

    const ranking = await analystRanking(page);
    const sums = new Map<string, { code: string; name: string; value: number }>();
    for (const r of expected) {
      const sum = sums.get(r.district!.code) ?? { code: r.district!.code, name: r.district!.name, value: 0 };
      sum.value += r.events;
      sums.set(sum.code, sum);
    }
    assert.deepEqual(
      ranking,
      [...sums.values()].sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1)),
      "districts ranked by their events, summed over the kinds",
    );
    await page.screenshot({ path: path.join(os.tmpdir(), "danvan-analyst.png"), fullPage: true });
    assert.deepEqual(foreign, []);
  });

  it("downloads the table as CSV, in UTF-8 with a byte-order mark, row for row", async () => {
    const table = await analystTable(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.match(download.suggestedFilename(), /^danvan-support-89-2019-01-01_2019-12-31-district-kind\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
    const text = bytes.subarray(3).toString("utf8");
    assert.ok(text.endsWith("\r\n"));
    assert.ok(!text.startsWith("#"), "old An Giang's figures are complete: no coverage note");
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header, table.headers);
    assert.equal(rows.length, table.rows.length);
    rows.forEach((cells, i) => {
      const shown = table.rows[i]!;
      assert.deepEqual(cells, [
        shown["district.code"]!.text,
        shown.district!.text,
        shown.kind!.text,
        shown.events!.value,
        shown.amountVnd!.value,
      ]);
    });
    assert.match((await page.textContent("#status")) ?? "", /^Đã tải CSV: danvan-support-89/);
    assert.deepEqual(foreign, []);
  });

  it("copies the exact query it sent, which answers the same when sent directly", async () => {
    await page.click("#copy-query");
    await page
      .locator("#status")
      .filter({ hasText: /Đã sao chép truy vấn/ })
      .waitFor({ timeout: 10_000 });
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    assert.equal(copied, await page.inputValue("#query-copy"));
    const body = JSON.parse(copied) as { operationName: string; query: string; variables: Record<string, unknown> };
    assert.equal(body.operationName, "SupportAggregate");
    assert.match(body.query, /^query SupportAggregate\(/);
    assert.match(body.query, /\n {4}coverage \{\n {6}complete\n {6}approximate\n/);
    assert.deepEqual(body.variables, {
      unitCode: "89",
      from: "2019-01-01",
      to: "2019-12-31",
      map: "AS_RECORDED",
      groupBy: ["DISTRICT", "KIND"],
      orderBy: [{ by: "EVENTS", direction: "DESC" }],
      first: 100,
    });
    assert.equal(await page.textContent("#query-document"), body.query);
    const again = await f.query(body.query, { token: analystToken, variables: body.variables });
    assert.equal(again.body.errors, undefined, again.text);
    const rows = (again.body.data as { supportAggregate: { rows: SupportRow[] } }).supportAggregate.rows;
    const table = await analystTable(page);
    assert.deepEqual(
      rows.map((r) => `${r.district!.code}/${r.kind}/${r.events}`).sort(),
      table.rows.map((r) => `${r["district.code"]!.text}/${r.kind!.value}/${r.events!.value}`).sort(),
    );
  });

  it("draws time as a line: support by month in 2019", async () => {
    const outcome = await askAnalystPage(page, {
      aggregate: "support",
      from: "2019-01-01",
      to: "2019-12-31",
      dimensions: ["MONTH"],
      sort: "EVENTS",
    });
    assert.equal(outcome, "done", (await analystErrors(page)).list.join("; "));
    const graph = await direct<{ supportAggregate: { rows: SupportRow[] } }>(`{
      supportAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [MONTH]) { rows { month events } }
    }`);
    const months = graph.supportAggregate.rows.map((r) => r.month!).sort();
    assert.ok(months.length > 0 && months.every((m) => /^2019-\d{2}$/.test(m)), months.join());
    const chart = await analystChart(page);
    assert.equal(chart.type, "line");
    assert.deepEqual(chart.labels, months, "the months in order");
    assert.equal(chart.datasets.length, 1);
    assert.deepEqual(
      chart.datasets[0]!.data,
      months.map((m) => graph.supportAggregate.rows.find((r) => r.month === m)!.events),
    );
    assert.equal((await analystRanking(page)).length, 0, "no place grouped: no ranking");
    assert.equal(await page.isHidden("#ranking-box"), true);
  });

  it("shows the graph's refusal by field, in Vietnamese, then in English", async () => {
    const outcome = await askAnalystPage(page, {
      aggregate: "support",
      from: "2019-01-01",
      to: "2019-12-31",
      dimensions: ["DISTRICT", "DISTRICT"],
      first: 5000,
    });
    assert.equal(outcome, "failed");
    const vi = await analystErrors(page);
    assert.match(vi.byField["first"] ?? "", /^phải nằm trong khoảng từ 1 đến 1000$/);
    assert.match(vi.byField["dim-2"] ?? "", /trùng với một chiều đã có/);
    assert.ok(vi.list.includes("Số dòng tối đa: phải nằm trong khoảng từ 1 đến 1000"), vi.list.join("; "));
    assert.equal(await page.getAttribute("#first", "aria-invalid"), "true");
    assert.equal(await page.isHidden("#result"), true, "no stale answer under a refusal");

    await Promise.all([page.waitForURL(/\?lang=en$/), page.click("#lang-switch")]);
    await page.locator("#dim-1 option").first().waitFor({ state: "attached" });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await askAnalystPage(page, { aggregate: "support", dimensions: ["KIND"], first: 0 }), "failed");
    const en = await analystErrors(page);
    assert.deepEqual(en.byField, { first: "must be from 1 to 1000" });
    assert.deepEqual(en.list, ["Rows at most: must be from 1 to 1000"]);
    // The page's own checks, before anything is sent.
    await page.fill("#from", "");
    await page.click("#run");
    assert.equal((await analystErrors(page)).byField["from"], "is required");
    await page.fill("#from", "2019-01-01");
    assert.deepEqual(foreign, []);
  });

  it("shows the public the petitions' small cells hidden, marked in the table and left out of the ranking", async () => {
    await Promise.all([page.waitForURL((url) => url.search === ""), page.click("#lang-switch")]);
    await page.locator("#dim-1 option").first().waitFor({ state: "attached" });
    const outcome = await askAnalystPage(page, {
      aggregate: "petitions",
      from: "2019-01-01",
      to: "2019-12-31",
      dimensions: ["DISTRICT", "KIND", "STATUS"],
      sort: "RECEIVED",
      first: 400,
      role: "public",
    });
    assert.equal(outcome, "done", (await analystErrors(page)).list.join("; "));
    assert.equal(await page.textContent("#caller-status"), "Không gửi token: bạn đang xem với tư cách người dân.");
    const graph = await direct<{ petitionAggregate: { rows: { suppressed: boolean; received: number | null }[] } }>(
      `{ petitionAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [DISTRICT, KIND, STATUS],
                           orderBy: [{ by: RECEIVED }], first: 400) { rows { suppressed received } } }`,
      null,
    );
    const hidden = graph.petitionAggregate.rows.filter((r) => r.suppressed).length;
    const table = await analystTable(page);
    assert.equal(table.rows.length, graph.petitionAggregate.rows.length);
    assert.equal(table.suppressed.filter(Boolean).length, hidden, "as many rows marked as the graph suppressed");
    assert.ok(hidden > 0, "the public has small cells here");
    table.rows.forEach((r, i) => {
      assert.equal(r.suppressed!.text, table.suppressed[i] ? "có" : "");
      if (table.suppressed[i]) assert.equal(r.received!.text, "—");
    });
    const note = (await page.textContent("#ranking-note")) ?? "";
    assert.match(note, new RegExp(`^${hidden} dòng không có giá trị`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, [], "no CSP violation, no script error");
  });
});
