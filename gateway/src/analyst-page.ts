/**
 * The analyst page's HTML (GET /analyst): a form for a grouped aggregate (which figures, unit
 * (analyst-units.ts), map, period, 1 to 4 dimensions, filters, sort, rows), and the places where
 * its script (analyst-script.ts) shows the answer: what the figures rest on (their coverage), a
 * table, a chart (Chart.js, served from node_modules), a ranking of units, the CSV download and
 * the query sent.
 *
 * Everything is served by the gateway under /analyst/ (no CDN, works offline); the page carries
 * no inline script or style, so its Content-Security-Policy allows only this origin's files. Its
 * words come from the `analyst` catalogue (analyst-messages.ts): Vietnamese, English with `?lang=en`.
 */
import type { Language } from "@danvan/kit/i18n";
import {
  AGGREGATE_ENUMS,
  AGGREGATES,
  DEFAULT_ROWS,
  MAX_DIMENSIONS,
  UNIT_MAPS,
  type AggregateEnumName,
} from "./analyst-aggregates.js";
import type { ModelAggregate, PageModel } from "./analyst-model.js";
import {
  aggregateKey,
  aggregateNoteKey,
  analystText,
  dimensionKey,
  enumValueKey,
  measureKey,
  scriptMessages,
  type AnalystMessageKey,
} from "./analyst-messages.js";
import { analystUnitOptions } from "./analyst-units.js";
import { escapeHtml, roleOptions } from "./ide-html.js";
import { otherLanguage } from "./ide-messages.js";
import { languageSwitchHref } from "./ide-page.js";

/** Where the page is served. */
export const ANALYST_PATH = "/analyst";

/** The files the page loads, all served by the gateway under /analyst/ (analyst-routes.ts). */
export const ANALYST_ASSET_PATHS = [
  "/analyst/analyst.css",
  "/analyst/chart.umd.js",
  "/analyst/analyst-logic.js",
  "/analyst/analyst.js",
] as const;

/** Served with the page: only this origin's files, no inline script or style, no framing. */
export const ANALYST_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Chart.js sizes its canvas through the CSSOM (element.style), which style-src does not govern.
  "style-src 'self'",
  // The GraphQL endpoint and the development tokens, on this origin.
  "connect-src 'self'",
  "base-uri 'none'",
  // The form is read by the page's script, never posted by the browser.
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface AnalystPageOptions {
  /** Where the page sends its queries (the gateway's /graphql). */
  endpoint: string;
  /** On a development gateway: where the IDE's ready-made tokens are (GET /ide/dev-tokens). */
  devTokensPath?: string;
  /** When the IDE page is served: its URL, for a link. */
  idePath?: string;
  language?: Language;
  /** The query string the page was asked with: the language switch keeps the rest. */
  search?: string;
}

/** Every aggregate with its words in `language`: what the page's script builds its questions from. */
export function pageModel(language: Language): PageModel {
  const t = (key: AnalystMessageKey) => analystText(key, language);
  const aggregates = AGGREGATES.map((a): ModelAggregate => ({
    id: a.id,
    field: a.field,
    prefix: a.prefix,
    period: a.period,
    label: t(aggregateKey(a.id)),
    note: t(aggregateNoteKey(a.id)),
    suppressed: a.suppressed,
    map: a.map,
    coverage: a.coverage,
    dimensions: a.dimensions.map((d) => ({ ...d, label: t(dimensionKey(d.field)) })),
    measures: a.measures.map((m) => ({ ...m, label: t(measureKey(m.field)) })),
    filters: a.filters.map((f) => {
      if (f.kind === "int") return { ...f, label: t(f.field as AnalystMessageKey) };
      const dimension = a.dimensions.find((d) => d.name === f.dimension);
      return { ...f, label: t(dimensionKey(dimension?.field ?? f.field)) };
    }),
  }));
  const enums: PageModel["enums"] = {};
  for (const [type, values] of Object.entries(AGGREGATE_ENUMS) as [AggregateEnumName, readonly string[]][]) {
    enums[type] = values.map((value) => ({ value, label: t(enumValueKey(type, value)) }));
  }
  return {
    aggregates,
    enums,
    words: {
      placeCode: t("wordPlaceCode"),
      suppressed: t("wordSuppressed"),
      yes: t("wordYes"),
      no: t("wordNo"),
      onTimeTrue: t("wordOnTimeTrue"),
      onTimeFalse: t("wordOnTimeFalse"),
      onTimeNull: t("wordOnTimeNull"),
      none: t("wordNone"),
      coverageIncomplete: t("wordCoverageIncomplete"),
      coverageIncompleteOne: t("wordCoverageIncompleteOne"),
      coverageApproximate: t("wordCoverageApproximate"),
    },
  };
}

/** The page's style sheet, served as /analyst/analyst.css (the CSP allows no inline style). */
export const ANALYST_CSS = `html { font-family: system-ui, sans-serif; font-size: 15px; color: #1d1d1d; }
body { margin: 0 auto; max-width: 78rem; padding: 0 1rem 3rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.35rem; margin: .6rem 0; flex: 1; }
.intro, .note { color: #555; }
.note { font-size: .9rem; margin: .2rem 0; }
form fieldset { border: 1px solid #ddd; border-radius: 4px; margin: .6rem 0; padding: .4rem .8rem .8rem; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; margin: .5rem 0; }
.row > label, .field { display: inline-flex; flex-direction: column; gap: .15rem; font-size: .9rem; }
.row[hidden], .field[hidden], [hidden] { display: none !important; }
select, input, button { font: inherit; }
#unit { max-width: 24rem; }
#token { width: 22rem; max-width: 100%; }
.choices { display: flex; flex-wrap: wrap; gap: .2rem .9rem; border: 0; padding: 0; margin: .3rem 0; }
.choices legend { font-size: .9rem; padding: 0; margin-bottom: .2rem; }
.choices label { font-size: .9rem; }
.field-error { color: #b00020; font-size: .85rem; }
[aria-invalid="true"] { outline: 2px solid #b00020; }
#coverage { margin: .5rem 0; }
#coverage .warning { border-left: 4px solid #b26a00; background: #fff8e6; padding: .4rem .8rem; margin: .3rem 0; font-weight: 600; }
#coverage .approximate { border-left: 4px solid #777; background: #f6f6f6; padding: .4rem .8rem; margin: .3rem 0; }
#coverage ul { columns: 3 14rem; font-size: .85rem; }
#run { font-weight: 600; padding: .35rem 1.2rem; }
#status { min-height: 1.3em; color: #333; }
#errors { border-left: 4px solid #b00020; background: #fff4f4; padding: .4rem .8rem; }
#errors p { margin: .2rem 0; font-weight: 600; }
.actions { display: flex; gap: .6rem; margin: .5rem 0; }
#chart-box { position: relative; height: 22rem; }
#ranking { padding-left: 2.5rem; }
#ranking li { margin: .1rem 0; }
#ranking meter { width: 7rem; vertical-align: middle; }
#ranking .value { font-variant-numeric: tabular-nums; margin-left: .4rem; }
#ranking .detail { color: #555; font-size: .85rem; margin-left: .3rem; }
.table-box { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.suppressed td { color: #777; background: #fafafa; font-style: italic; }
pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; font-size: .85rem; }
.offscreen { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
code { background: #f3f3f3; padding: 0 .2rem; }
`;

export function renderAnalystPage(opts: AnalystPageOptions): string {
  const language = opts.language ?? "vi";
  const other = otherLanguage(language);
  const t = (key: AnalystMessageKey, params?: Record<string, string | number>) =>
    escapeHtml(analystText(key, language, params));
  const model = escapeHtml(JSON.stringify(pageModel(language)));
  const messages = escapeHtml(JSON.stringify(scriptMessages(language)));
  const switchHref = escapeHtml(languageSwitchHref(ANALYST_PATH, opts.search ?? "", other));
  const devAttr = opts.devTokensPath ? ` data-dev-tokens="${escapeHtml(opts.devTokensPath)}"` : "";
  const ideHref = opts.idePath ? languageSwitchHref(opts.idePath, "", language) : undefined;
  const aggregateOptions = AGGREGATES.map(
    (a) =>
      `<option value="${a.id}"${a.id === "support" ? " selected" : ""}>${escapeHtml(analystText(aggregateKey(a.id), language))}</option>`,
  ).join("\n          ");
  const mapLabels: Record<(typeof UNIT_MAPS)[number], AnalystMessageKey> = {
    AS_RECORDED: "mapAsRecorded",
    TODAY: "mapToday",
  };
  const mapOptions = UNIT_MAPS.map(
    (m, i) => `<option value="${m}"${i === 0 ? " selected" : ""}>${t(mapLabels[m])}</option>`,
  ).join("\n          ");
  const dimensionSelects = Array.from(
    { length: MAX_DIMENSIONS },
    (_, i) => `<label for="dim-${i + 1}">${t("dimensionN", { n: i + 1 })}
          <select id="dim-${i + 1}" name="dim-${i + 1}"></select>
        </label>`,
  ).join("\n        ");
  const tokenCommand = "npm run -s token -- --role analyst";
  const tokenHelp = escapeHtml(analystText("tokenHelp", language, { command: "\u0001" })).replace(
    "\u0001",
    `<code>${escapeHtml(tokenCommand)}</code>`,
  );
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t("title")}</title>
<link rel="stylesheet" href="/analyst/analyst.css">
</head>
<body data-endpoint="${escapeHtml(opts.endpoint)}" data-lang="${language}" data-model="${model}" data-messages="${messages}"${devAttr}>
<header>
  <h1>${t("heading")}</h1>
  ${ideHref ? `<a id="ide-link" href="${escapeHtml(ideHref)}">${t("ideLink")}</a>` : ""}
  <a id="lang-switch" href="${switchHref}" lang="${other}" hreflang="${other}" title="${t("otherLanguageTitle")}">${t("otherLanguage")}</a>
</header>
<p class="intro">${t("intro")}</p>
<form id="question" novalidate autocomplete="off">
  <fieldset>
    <legend>${t("question")}</legend>
    <div class="row">
      <label for="aggregate">${t("aggregate")}
        <select id="aggregate" name="aggregate">
          ${aggregateOptions}
        </select>
      </label>
      <label for="unit">${t("unit")}
        <select id="unit" name="unit">
        ${analystUnitOptions(language)}
        </select>
      </label>
      <label for="map">${t("map")}
        <select id="map" name="map">
          ${mapOptions}
        </select>
      </label>
    </div>
    <p class="note">${t("unitReusedNote")}</p>
    <p id="map-note" class="note">
      <span data-map="AS_RECORDED">${t("mapNoteAsRecorded")}</span>
      <span data-map="TODAY" hidden>${t("mapNoteToday")}</span>
    </p>
    <p id="aggregate-note" class="note"></p>
    <div class="row">
      <label for="year" class="field" data-period="year">${t("year")}
        <input id="year" name="year" type="number" step="1" value="2019">
      </label>
      <label for="from" class="field" data-period="range optionalRange">${t("from")}
        <input id="from" name="from" type="date" value="2019-01-01">
        <span class="note" data-period="optionalRange">${t("optionalFrom")}</span>
      </label>
      <label for="to" class="field" data-period="range optionalRange">${t("to")}
        <input id="to" name="to" type="date" value="2019-12-31">
        <span class="note" data-period="optionalRange">${t("optionalTo")}</span>
      </label>
      <label for="as-of" class="field" data-period="asOf">${t("asOf")}
        <input id="as-of" name="asOf" type="date" value="2019-12-31">
        <span class="note">${t("optionalAsOf")}</span>
      </label>
    </div>
    <fieldset id="dimensions" class="choices">
      <legend>${t("dimensions")}</legend>
      <div class="row">
        ${dimensionSelects}
      </div>
    </fieldset>
    <fieldset id="filters">
      <legend>${t("filters")}</legend>
      <div id="filter-fields"></div>
    </fieldset>
    <div class="row">
      <label for="sort">${t("sort")}
        <select id="sort" name="sort"></select>
      </label>
      <label for="direction">${t("direction")}
        <select id="direction" name="direction">
          <option value="DESC" selected>${t("directionDesc")}</option>
          <option value="ASC">${t("directionAsc")}</option>
        </select>
      </label>
      <label for="first">${t("first")}
        <input id="first" name="first" type="number" step="1" min="1" max="1000" value="${DEFAULT_ROWS}">
      </label>
    </div>
    <div class="row">
      ${
        opts.devTokensPath
          ? `<label for="role">${t("caller")}
        <select id="role" name="role">
      ${roleOptions(language)}
        </select>
      </label>`
          : ""
      }
      <label for="token">${t("token")}
        <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="${t("tokenPlaceholder")}">
      </label>
      <span id="caller-status" class="note" role="status"></span>
    </div>
    <p class="note">${tokenHelp}</p>
    <button id="run" type="submit">${t("run")}</button>
  </fieldset>
</form>
<p id="status" role="status"></p>
<div id="errors" role="alert" hidden>
  <p id="errors-heading"></p>
  <ul id="error-list"></ul>
</div>
<section id="result" hidden>
  <h2>${t("resultHeading")}</h2>
  <p id="result-summary"></p>
  <div id="coverage" hidden>
    <p id="coverage-incomplete" class="warning" hidden></p>
    <details id="coverage-uncovered" hidden>
      <summary>${t("coverageUncovered")}</summary>
      <ul id="coverage-uncovered-list"></ul>
    </details>
    <p id="coverage-approximate" class="approximate" hidden></p>
  </div>
  <div class="actions">
    <button id="download-csv" type="button">${t("downloadCsv")}</button>
    <button id="copy-query" type="button">${t("copyQuery")}</button>
  </div>
  <details id="query-box">
    <summary>${t("querySummary")}</summary>
    <pre id="query-document"></pre>
    <pre id="query-variables"></pre>
  </details>
  <textarea id="query-copy" class="offscreen" readonly tabindex="-1" aria-hidden="true"></textarea>
  <h3>${t("chartHeading")}</h3>
  <p id="chart-title"></p>
  <div id="chart-box"><canvas id="chart" role="img"></canvas></div>
  <p id="chart-note" class="note"></p>
  <section id="ranking-box" hidden>
    <h3 id="ranking-heading"></h3>
    <ol id="ranking"></ol>
    <p id="ranking-note" class="note"></p>
  </section>
  <h3>${t("tableHeading")}</h3>
  <div class="table-box">
    <table id="table"><thead></thead><tbody></tbody></table>
  </div>
</section>
<noscript>${t("noscript")}</noscript>
<script src="/analyst/chart.umd.js"></script>
<script src="/analyst/analyst-logic.js"></script>
<script src="/analyst/analyst.js"></script>
</body>
</html>
`;
}
