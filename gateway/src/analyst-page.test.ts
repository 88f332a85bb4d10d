import assert from "node:assert/strict";
import vm from "node:vm";
import { describe, it } from "node:test";
import { childrenOf, referenceUnits } from "@danvan/kit/units";
import { MAX_DIMENSIONS } from "./analyst-aggregates.js";
import { ANALYST_LOGIC_SCRIPT } from "./analyst-logic.js";
import { scriptMessages } from "./analyst-messages.js";
import {
  ANALYST_ASSET_PATHS,
  ANALYST_CONTENT_SECURITY_POLICY,
  ANALYST_CSS,
  pageModel,
  renderAnalystPage,
} from "./analyst-page.js";
import { ANALYST_SCRIPT } from "./analyst-script.js";
import { modelEn } from "./testing/analyst-questions.js";

/** The attribute's value, HTML entities decoded (the page escapes with numeric entities). */
function attribute(html: string, name: string): string {
  const m = new RegExp(`${name}="([^"]*)"`).exec(html);
  assert.ok(m, name);
  return m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

describe("the analyst page", () => {
  const html = renderAnalystPage({ endpoint: "/graphql", devTokensPath: "/ide/dev-tokens", idePath: "/graphql" });

  it("loads only the gateway's own files: no absolute URL, no inline script, style or handler", () => {
    for (const text of [html, ANALYST_SCRIPT, ANALYST_LOGIC_SCRIPT, ANALYST_CSS])
      assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]/i);
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(srcs.sort(), [...ANALYST_ASSET_PATHS, "/analyst?lang=en", "/graphql"].sort());
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handler");
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /style-src 'self'(;|$)/);
    assert.match(ANALYST_CONTENT_SECURITY_POLICY, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(ANALYST_CONTENT_SECURITY_POLICY, /unsafe|\*/);
  });

  it("offers the six aggregates, today's and old An Giang's units (province 91 chosen), the map, 4 dimensions and the caller", () => {
    const menu = /<select id="aggregate"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    assert.deepEqual(
      [...menu.matchAll(/value="(\w+)"/g)].map((m) => m[1]),
      ["households", "support", "contributions", "houses", "petitions", "members"],
    );
    const units = /<select id="unit"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    assert.equal([...units.matchAll(/<option /g)].length, 1 + childrenOf("91").length + referenceUnits.length);
    assert.match(
      units,
      /^\s*<option value="91" data-level="PROVINCE" selected>91 · Tỉnh An Giang \(từ 01\/07\/2025\)<\/option>/,
    );
    assert.match(units, /<option value="89" data-level="PROVINCE">89 · Tỉnh An Giang \(đến 30\/06\/2025\)<\/option>/);
    assert.equal([...units.matchAll(/ selected/g)].length, 1);
    const map = /<select id="map"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    assert.deepEqual(
      [...map.matchAll(/<option value="(\w+)"( selected)?>([^<]*)</g)].map((m) => [m[1], Boolean(m[2]), m[3]]),
      [
        ["AS_RECORDED", true, "theo thời điểm ghi nhận"],
        ["TODAY", false, "bản đồ hiện nay (2025)"],
      ],
    );
    assert.match(html, /<label for="map">Bản đồ/);
    assert.match(html, /<span data-map="TODAY" hidden>[^<]*không còn cấp huyện/);
    assert.match(html, /<div id="coverage" hidden>/);
    assert.ok(html.indexOf('id="coverage"') < html.indexOf('id="table"'), "the coverage above the table");
    for (let i = 1; i <= MAX_DIMENSIONS; i++) assert.match(html, new RegExp(`<select id="dim-${i}"`));
    assert.doesNotMatch(html, /id="dim-5"/);
    assert.match(html, /data-dev-tokens="\/ide\/dev-tokens"/);
    assert.match(html, /<select id="role"/);
    const plain = renderAnalystPage({ endpoint: "/graphql" });
    assert.doesNotMatch(plain, /data-dev-tokens|id="role"|id="ide-link"/);
    assert.match(plain, /<input id="token"/);
  });

  it("is Vietnamese by default and English with lang=en, its link keeping the rest of the URL", () => {
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<title>Đồ thị Dân vận · Trang phân tích<\/title>/);
    assert.match(html, /<a id="lang-switch" href="\/analyst\?lang=en" lang="en" hreflang="en"[^>]*>English<\/a>/);
    assert.match(html, /<button id="download-csv" type="button">Tải CSV<\/button>/);
    const en = renderAnalystPage({ endpoint: "/graphql", language: "en", search: "x=1&lang=en", idePath: "/graphql" });
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<button id="copy-query" type="button">Copy the query<\/button>/);
    assert.match(en, /<option value="AS_RECORDED" selected>as recorded<\/option>/);
    assert.match(en, /<option value="TODAY">today&#39;s map \(2025\)<\/option>/);
    assert.match(en, /<option value="89" data-level="PROVINCE">89 · Tỉnh An Giang \(until 2025-06-30\)<\/option>/);
    assert.match(en, /href="\/analyst\?x=1" lang="vi" hreflang="vi"[^>]*>Tiếng Việt<\/a>/);
    assert.match(en, /<a id="ide-link" href="\/graphql\?lang=en">/);
  });

  it("gives its script the aggregates and its lines in the page's language, none hard-coded", () => {
    for (const language of ["vi", "en"] as const) {
      const page = renderAnalystPage({ endpoint: "/graphql", language });
      assert.deepEqual(JSON.parse(attribute(page, "data-model")), pageModel(language));
      assert.deepEqual(JSON.parse(attribute(page, "data-messages")), scriptMessages(language));
    }
    for (const english of [...Object.values(scriptMessages("en")), ...JSON.stringify(modelEn).split('"')]) {
      const fixed = english.split(/\{\w+\}/).find((part) => /\w+ \w+/.test(part.trim()));
      if (fixed) assert.ok(!ANALYST_SCRIPT.includes(fixed), `the script hard-codes "${fixed}"`);
    }
    assert.equal(scriptMessages("vi").resultRows, "{rows} trên tổng số {total} dòng.");
  });

  it("ships scripts that parse", () => {
    assert.doesNotThrow(() => new vm.Script(ANALYST_SCRIPT));
    assert.doesNotThrow(() => new vm.Script(ANALYST_LOGIC_SCRIPT));
  });
});
