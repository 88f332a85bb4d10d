import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { analystErrors, analystTable, askAnalystPage, openAnalystPage, parseCsv } from "./support/browser.js";
import { startAnalystBrowser, type AnalystBrowser } from "./analyst-page-browser.js";

interface Coverage {
  complete: boolean;
  approximate: boolean;
  uncoveredUnits: { code: string; name: string }[];
  countedWholeUnits: { code: string; name: string }[];
}
interface CommuneRows {
  supportAggregate: { rows: { commune: { code: string; name: string } | null; events: number }[]; coverage: Coverage };
}

/** Province 91's support in 2019 by commune, on a map, as the page asks it. */
const support91 = (map: "AS_RECORDED" | "TODAY") => `{
  supportAggregate(unitCode: "91", from: "2019-01-01", to: "2019-12-31", groupBy: [COMMUNE], first: 1000, map: ${map}) {
    rows { commune { code name } events }
    coverage { complete approximate uncoveredUnits { code name } countedWholeUnits { code name } }
  }
}`;
const QUESTION = {
  aggregate: "support",
  unit: "91",
  from: "2019-01-01",
  to: "2019-12-31",
  dimensions: ["COMMUNE"],
  sort: "EVENTS",
  first: 1000,
};

/** The table's rows as `code/name/events`, sorted. */
async function shownRows(page: Page): Promise<string[]> {
  const table = await analystTable(page);
  return table.rows.map((r) => `${r["commune.code"]!.text}/${r.commune!.text}/${r.events!.value}`).sort();
}
const graphRows = (data: CommuneRows) =>
  data.supportAggregate.rows.map((r) => `${r.commune?.code ?? ""}/${r.commune?.name ?? ""}/${r.events}`).sort();
const visible = (page: Page, selector: string) => page.locator(selector).isVisible();

/**
 * The analyst page on either map (issue 27), in a real browser, offline: province 91 (today's An
 * Giang, the page's first unit) holds old Kiên Giang's communes, which have no records, so its
 * figures carry a warning, on the page and in the CSV; on today's map the same figures lie under
 * the 2025 communes, without districts. Checked against the same questions sent to the gateway.
 */
describe("the analyst page on either map, with the figures' coverage", () => {
  let b: AnalystBrowser;
  let page: Page;
  let recordedTotal = 0;

  before(async () => {
    b = await startAnalystBrowser();
    page = b.page;
    await openAnalystPage(page, `${b.origin}/analyst`);
  });
  after(async () => {
    await b?.stop();
  });

  it("groups province 91 by commune as recorded, and warns that old Kiên Giang's communes have no records", async () => {
    assert.equal(await page.inputValue("#unit"), "91");
    assert.equal(await askAnalystPage(page, QUESTION), "done", (await analystErrors(page)).list.join("; "));
    const graph = await b.direct<CommuneRows>(support91("AS_RECORDED"));
    const coverage = graph.supportAggregate.coverage;
    const uncovered = coverage.uncoveredUnits.length;
    assert.equal(coverage.complete, false);
    assert.ok(uncovered > 0);
    assert.equal(await visible(page, "#coverage-incomplete"), true);
    assert.equal(
      await page.textContent("#coverage-incomplete"),
      `Số liệu chưa đầy đủ: ${uncovered} xã của tỉnh Kiên Giang cũ chưa có số liệu. Các con số không tính các xã này (không phải bằng 0).`,
    );
    const listed = await page.$$eval("#coverage-uncovered-list li", (els) =>
      els.map((el) => (el as unknown as { getAttribute(n: string): string }).getAttribute("data-code")),
    );
    assert.deepEqual(listed.sort(), coverage.uncoveredUnits.map((u) => u.code).sort());
    assert.equal(await visible(page, "#coverage-approximate"), coverage.approximate);
    const box = (await page.locator("#coverage").boundingBox())!;
    const table = (await page.locator("#table").boundingBox())!;
    assert.ok(box.y < table.y, "the coverage above the table");

    assert.deepEqual(await shownRows(page), graphRows(graph));
    assert.ok(
      (await shownRows(page)).some((r) => r.startsWith("30307/Phường Mỹ Hòa/")),
      "2019's ward 30307",
    );
    recordedTotal = graph.supportAggregate.rows.reduce((sum, r) => sum + r.events, 0);
  });

  it("downloads the CSV with the warning first, as a line of its own", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
    assert.equal(download.suggestedFilename(), "danvan-support-91-2019-01-01_2019-12-31-commune.csv");
    const text = fs
      .readFileSync((await download.path())!)
      .subarray(3)
      .toString("utf8");
    const [note, header, ...rows] = parseCsv(text);
    assert.deepEqual(note, [`# ${await page.textContent("#coverage-incomplete")}`]);
    assert.deepEqual(header, (await analystTable(page)).headers);
    assert.equal(rows.length, (await analystTable(page)).rows.length);
  });

  it("on today's map, groups the same support under the 2025 communes (Phường Long Xuyên), with no district", async () => {
    await page.selectOption("#dim-1", "DISTRICT");
    await page.selectOption("#map", "TODAY");
    assert.equal(await page.inputValue("#dim-1"), "COMMUNE", "a district dimension moves to the commune");
    const districtOff = await page.$$eval('select[id^="dim-"] option[value="DISTRICT"]', (els) =>
      els.map((el) => (el as unknown as { disabled: boolean }).disabled),
    );
    assert.deepEqual(districtOff, [true, true, true, true], "no district on today's map");
    assert.equal(await visible(page, '#map-note [data-map="TODAY"]'), true);
    assert.equal(await visible(page, '#map-note [data-map="AS_RECORDED"]'), false);

    assert.equal(await askAnalystPage(page, QUESTION), "done", (await analystErrors(page)).list.join("; "));
    const graph = await b.direct<CommuneRows>(support91("TODAY"));
    assert.deepEqual(await shownRows(page), graphRows(graph));
    const shown = await shownRows(page);
    assert.ok(
      shown.some((r) => r.startsWith("30307/Phường Long Xuyên/")),
      shown.slice(0, 5).join("; "),
    );
    assert.ok(!shown.some((r) => r.includes("Phường Mỹ Hòa")), "no 2019 ward on today's map");
    const today = await b.direct<{ administrativeUnits: { code: string }[] }>(
      `{ administrativeUnits(parentCode: "91") { code } }`,
    );
    const communes2025 = new Set(today.administrativeUnits.map((u) => u.code));
    assert.equal(communes2025.size, 102);
    const table = await analystTable(page);
    assert.ok(
      table.rows.every((r) => communes2025.has(r["commune.code"]!.text)),
      "every row a 2025 commune",
    );
    const total = graph.supportAggregate.rows.reduce((sum, r) => sum + r.events, 0);
    assert.equal(total, recordedTotal, "the same events on either map");

    const coverage = graph.supportAggregate.coverage;
    assert.equal(await visible(page, "#coverage-incomplete"), true);
    // Communes split in 2025 (Xã Vĩnh Châu, between Phường Châu Đốc and Phường Vĩnh Tế) lie under one part.
    assert.equal(coverage.approximate, true);
    assert.ok(coverage.countedWholeUnits.some((u) => u.code === "30334"));
    assert.equal(await visible(page, "#coverage-approximate"), true);
    const note = (await page.textContent("#coverage-approximate")) ?? "";
    assert.match(note, /^Số liệu gần đúng: các xã sau bị chia tách năm 2025 /);
    for (const u of coverage.countedWholeUnits) assert.ok(note.includes(`${u.name} (${u.code})`), u.code);
    await page.screenshot({ path: path.join(os.tmpdir(), "danvan-analyst-maps.png"), fullPage: true });
    const copied = JSON.parse(await page.inputValue("#query-copy")) as { query: string; variables: { map: string } };
    assert.equal(copied.variables.map, "TODAY");
    assert.match(copied.query, /map: \$map/);
    assert.match(copied.query, /coverage \{/);
  });

  it("speaks English on the English page: the map's words and the warning", async () => {
    await Promise.all([page.waitForURL(/\?lang=en$/), page.click("#lang-switch")]);
    await page.locator("#dim-1 option").first().waitFor({ state: "attached" });
    assert.equal((await page.textContent('label[for="map"]'))?.trim().split(/\s+/)[0], "Map");
    assert.deepEqual(await page.locator("#map option").allTextContents(), ["as recorded", "today's map (2025)"]);
    assert.equal(await page.inputValue("#map"), "AS_RECORDED");
    assert.equal(
      await page.textContent('#map-note [data-map="AS_RECORDED"]'),
      "Each fact under the commune and district of its date.",
    );
    await page.selectOption("#map", "TODAY");
    assert.match((await page.textContent('#map-note [data-map="TODAY"]')) ?? "", /no districts/);
    assert.equal(await askAnalystPage(page, QUESTION), "done", (await analystErrors(page)).list.join("; "));
    assert.match(
      (await page.textContent("#coverage-incomplete")) ?? "",
      /^Incomplete: \d+ communes of old Kiên Giang have no records\. The figures leave them out \(not a zero\)\.$/,
    );
    assert.match((await page.textContent("#coverage-uncovered summary")) ?? "", /^The communes without records$/);
    assert.deepEqual(b.foreign, [], "the page asked for nothing beyond the gateway");
    assert.deepEqual(b.problems, [], "no CSP violation, no script error");
  });
});
