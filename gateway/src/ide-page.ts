/**
 * The IDE page: GraphiQL from local files only (no CDN, works offline), with a role switcher
 * that sets the Authorization header GraphiQL sends and, on a development gateway, a token
 * maker for any role and unit. The page's own script is a separate file (/ide/ide.js) so that
 * the Content-Security-Policy can forbid inline scripts; it reads its settings and its words
 * (in the page's language) from data- attributes.
 *
 * The page speaks Vietnamese, and English with `?lang=en` (ide-messages.ts).
 */
import type { Language } from "@danvan/kit/i18n";
import { seededHandlingOfficers } from "@danvan/kit/identity";
import { childrenOf, PROVINCE_CODE, unitByCode, type ReferenceUnit } from "@danvan/kit/units";
import { ROLE_NAMES, type RoleName } from "./caller-token.js";
import { ideText, otherLanguage, scriptMessages, type IdeMessageKey } from "./ide-messages.js";

const QUERY_BODY = `{
  administrativeUnits(level: DISTRICT) {
    code
    name
  }
}
`;

/** The query the editor opens with, its comments in the page's language. */
export function defaultQuery(language: Language): string {
  return `# ${ideText("queryPublic", language)}\n# ${ideText("queryRoles", language)}\n${QUERY_BODY}`;
}

/** The English default query. */
export const DEFAULT_QUERY = defaultQuery("en");

/** The files the page loads, all served by the gateway under /ide/. */
export const IDE_ASSET_PATHS = [
  "/ide/graphiql.min.css",
  "/ide/react.production.min.js",
  "/ide/react-dom.production.min.js",
  "/ide/graphiql.min.js",
  "/ide/ide.js",
] as const;

/** Where the page's script asks for tokens (development gateway only). */
export const DEV_TOKENS_PATH = "/ide/dev-tokens";
export const DEV_TOKEN_PATH = "/ide/dev-token";

/** Served with the page: only this origin, no inline script, no framing. */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // GraphQL operations and the development token routes, all on this origin.
  "connect-src 'self'",
  "base-uri 'none'",
  // The token maker is a form its script submits with fetch; nothing is ever posted by the browser.
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface IdePageOptions {
  /** Where GraphiQL sends operations: the same URL that served the page. */
  endpoint: string;
  /** True on a development gateway: ready-made tokens (GET /ide/dev-tokens) and the token maker (POST /ide/dev-token). */
  devTokens: boolean;
  /** The page's language (Vietnamese unless `?lang=en`). */
  language?: Language;
  /** The query string the page was asked with (`lang=en&x=1`, with or without "?"): the switch keeps the rest. */
  search?: string;
}

/**
 * The link to the page in the other language: the same path and query, `lang=en` for English,
 * no `lang` for Vietnamese (the default).
 */
export function languageSwitchHref(endpoint: string, search: string, target: Language): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  if (target === "en") params.set("lang", "en");
  const query = params.toString();
  return query ? `${endpoint}?${query}` : endpoint;
}

/**
 * An `ide` message as HTML: its text escaped, each `{{name}}` of `code` rendered as
 * `<code>value</code>` (escaped too).
 */
function withCode(key: IdeMessageKey, language: Language, code: Record<string, string>): string {
  const marks: Record<string, string> = {};
  for (const name of Object.keys(code)) marks[name] = `\u0001${name}\u0002`;
  let html = escapeHtml(ideText(key, language, marks));
  for (const [name, value] of Object.entries(code)) {
    html = html.split(`\u0001${name}\u0002`).join(`<code>${escapeHtml(value)}</code>`);
  }
  return html;
}

const ROLE_LABEL: Record<RoleName, IdeMessageKey> = {
  public: "rolePublic",
  officer: "roleOfficer",
  "handling-officer": "roleHandlingOfficer",
  analyst: "roleAnalyst",
  admin: "roleAdmin",
};

function roleOptions(language: Language): string {
  return ROLE_NAMES.map((r) => `<option value="${r}">${escapeHtml(ideText(ROLE_LABEL[r], language))}</option>`).join(
    "\n      ",
  );
}

/**
 * The reference units as options, province first, each district followed by its communes,
 * indented by level. A commune's option lists its seeded handling officers (`data-handlers`).
 */
export function unitOptions(): string {
  const out: string[] = [];
  const add = (unit: ReferenceUnit, depth: number) => {
    const indent = "\u00a0\u00a0\u00a0\u00a0".repeat(depth);
    const handlers = unit.level === "COMMUNE" ? ` data-handlers="${seededHandlingOfficers(unit.code).join(" ")}"` : "";
    out.push(
      `<option value="${unit.code}" data-level="${unit.level}"${handlers}>${indent}${escapeHtml(`${unit.code} · ${unit.name}`)}</option>`,
    );
    for (const child of childrenOf(unit.code)) add(child, depth + 1);
  };
  const province = unitByCode(PROVINCE_CODE);
  if (province) add(province, 0);
  return out.join("\n        ");
}

const TTL_OPTIONS: readonly [string, IdeMessageKey][] = [
  ["15m", "ttl15m"],
  ["1h", "ttl1h"],
  ["8h", "ttl8h"],
  ["1d", "ttl1d"],
  ["7d", "ttl7d"],
];

function tokenMaker(language: Language): string {
  const t = (key: IdeMessageKey) => escapeHtml(ideText(key, language));
  return `<details id="maker">
    <summary>${t("makerSummary")}</summary>
    <form id="maker-form" autocomplete="off">
      <label>${t("role")}
        <select id="maker-role" name="role">
      ${roleOptions(language)}
        </select>
      </label>
      <label>${t("makerUnit")}
        <select id="maker-unit" name="unit">
        <option value="">${t("makerUnitNone")}</option>
        ${unitOptions()}
        </select>
      </label>
      <label>${t("makerOrg")} <input id="maker-org" name="org" maxlength="64" spellcheck="false" placeholder="${t("makerOrgPlaceholder")}"></label>
      <label>${t("makerSub")} <input id="maker-sub" name="sub" maxlength="128" spellcheck="false" list="maker-subjects" placeholder="${t("makerSubPlaceholder")}"></label>
      <datalist id="maker-subjects"></datalist>
      <label>${t("makerTtl")}
        <select id="maker-ttl" name="ttl">
          ${TTL_OPTIONS.map(([v, key]) => `<option value="${v}"${v === "1h" ? " selected" : ""}>${t(key)}</option>`).join("\n          ")}
        </select>
      </label>
      <button id="maker-submit" type="submit">${t("makerSubmit")}</button>
      <p class="note">${t("makerNote")}</p>
      <p id="maker-output" hidden>
        <label for="maker-token">${t("makerResult")}</label>
        <textarea id="maker-token" readonly rows="2" spellcheck="false"></textarea>
        <button id="maker-copy" type="button">${t("makerCopy")}</button>
      </p>
    </form>
  </details>`;
}

export function renderIdePage(opts: IdePageOptions): string {
  const language = opts.language ?? "vi";
  const other = otherLanguage(language);
  const t = (key: IdeMessageKey) => escapeHtml(ideText(key, language));
  const devAttrs = opts.devTokens ? ` data-dev-tokens="${DEV_TOKENS_PATH}" data-dev-token="${DEV_TOKEN_PATH}"` : "";
  const messages = escapeHtml(JSON.stringify(scriptMessages(language)));
  const switchHref = escapeHtml(languageSwitchHref(opts.endpoint, opts.search ?? "", other));
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t("title")}</title>
<link rel="stylesheet" href="/ide/graphiql.min.css">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #bar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .4rem .75rem;
         border-bottom: 1px solid #ddd; font-size: 14px; }
  #bar > label input { width: 22rem; max-width: 100%; }
  #status { color: #555; flex: 1; }
  #bar details { flex-basis: 100%; color: #333; }
  #maker-form { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; margin: .4rem 0; }
  #maker-form .note, #maker-output { flex-basis: 100%; margin: 0; }
  #maker-unit { max-width: 22rem; }
  #maker-form input { width: 16rem; max-width: 100%; }
  #maker-token { width: 100%; box-sizing: border-box; font-family: monospace; font-size: 12px; }
  #graphiql { flex: 1; min-height: 0; }
  code { background: #f3f3f3; padding: 0 .2rem; }
</style>
</head>
<body data-endpoint="${escapeHtml(opts.endpoint)}" data-lang="${language}" data-default-query="${escapeHtml(defaultQuery(language))}" data-messages="${messages}"${devAttrs}>
<div id="bar">
  <strong>${t("heading")}</strong>
  <label>${t("role")}
    <select id="role">
      ${roleOptions(language)}
    </select>
  </label>
  <label>${t("token")} <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="${t("tokenPlaceholder")}"></label>
  <span id="status" role="status"></span>
  <a id="lang-switch" href="${switchHref}" lang="${other}" hreflang="${other}" title="${escapeHtml(ideText("otherLanguageTitle", language))}">${t("otherLanguage")}</a>
  <details>
    <summary>${t("helpSummary")}</summary>
    <p>${withCode("helpCommand", language, {
      command: "npm run -s token -- --role <role>",
      roles: ROLE_NAMES.join(" | "),
      unit: "--unit 883",
      org: "--org HND-883",
    })}
    ${withCode("helpHeader", language, { header: "Authorization: Bearer <token>" })}
    ${opts.devTokens ? escapeHtml(ideText("helpDevelopment", language, { maker: ideText("makerSummary", language) })) : ""}</p>
  </details>
  ${opts.devTokens ? tokenMaker(language) : ""}
</div>
<div id="graphiql">${t("loading")}</div>
<noscript>${t("noscript")}</noscript>
<script src="/ide/react.production.min.js"></script>
<script src="/ide/react-dom.production.min.js"></script>
<script src="/ide/graphiql.min.js"></script>
<script src="/ide/ide.js"></script>
</body>
</html>
`;
}

/**
 * The page's script (plain ES5-ish browser code, served as /ide/ide.js). It reads its
 * settings and words from data- attributes, keeps the chosen token in memory only, and adds
 * it to each operation GraphiQL sends.
 */
export const IDE_SCRIPT = `(function () {
  "use strict";
  var data = document.body.dataset;
  var text = JSON.parse(data.messages || "{}");
  var lang = data.lang || "vi";
  var roleSelect = document.getElementById("role");
  var tokenInput = document.getElementById("token");
  var statusEl = document.getElementById("status");
  var dev = { tokens: null, expiresAt: 0, loading: null };
  var made = null;
  var roleLabels = {
    "public": text.rolePublic, officer: text.roleOfficer, "handling-officer": text.roleHandlingOfficer,
    analyst: text.roleAnalyst, admin: text.roleAdmin
  };

  function say(key, params) {
    var s = text[key] || key;
    Object.keys(params || {}).forEach(function (name) { s = s.split("{" + name + "}").join(params[name]); });
    return s;
  }
  function setStatus(s) { statusEl.textContent = s; }

  function loadDevTokens() {
    if (!data.devTokens) return Promise.resolve(null);
    if (dev.tokens && Date.now() < dev.expiresAt - 60000) return Promise.resolve(dev.tokens);
    if (!dev.loading) {
      dev.loading = fetch(data.devTokens, { credentials: "omit", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          dev.loading = null;
          dev.tokens = body ? body.tokens : null;
          dev.expiresAt = body ? Date.parse(body.expiresAt) : 0;
          return dev.tokens;
        }, function () { dev.loading = null; return null; });
    }
    return dev.loading;
  }

  function pastedToken() { return tokenInput.value.trim().replace(/^Bearer\\s+/i, ""); }

  function currentToken() {
    var pasted = pastedToken();
    if (pasted) return Promise.resolve(pasted);
    var role = roleSelect.value;
    if (role === "public") return Promise.resolve("");
    return loadDevTokens().then(function (tokens) { return (tokens && tokens[role]) || ""; });
  }

  function describe() {
    var pasted = pastedToken();
    if (pasted && made && pasted === made.token) { setStatus(say("statusMade", { who: made.who })); return; }
    if (pasted) { setStatus(say("statusPasted")); return; }
    var role = roleSelect.value;
    var label = roleLabels[role] || role;
    if (role === "public") { setStatus(say("statusPublic")); return; }
    currentToken().then(function (token) {
      setStatus(token
        ? say("statusDev", { role: label })
        : say("statusNoToken", { role: label, command: "npm run -s token -- --role " + role }));
    });
  }

  roleSelect.addEventListener("change", function () {
    // The role menu takes over again from a token made on the page.
    if (made && pastedToken() === made.token) tokenInput.value = "";
    describe();
  });
  tokenInput.addEventListener("input", describe);

  var form = document.getElementById("maker-form");
  if (form && data.devToken) {
    var makerRole = document.getElementById("maker-role");
    var makerUnit = document.getElementById("maker-unit");
    var makerOrg = document.getElementById("maker-org");
    var makerSub = document.getElementById("maker-sub");
    var makerTtl = document.getElementById("maker-ttl");
    var subjects = document.getElementById("maker-subjects");
    var output = document.getElementById("maker-output");
    var tokenBox = document.getElementById("maker-token");

    var needsUnit = function () { return makerRole.value === "officer" || makerRole.value === "handling-officer"; };
    var updateMaker = function () {
      makerUnit.required = needsUnit();
      var option = makerUnit.options[makerUnit.selectedIndex];
      var handlers = option && option.getAttribute("data-handlers");
      while (subjects.firstChild) subjects.removeChild(subjects.firstChild);
      (handlers ? handlers.split(" ") : []).forEach(function (sub) {
        var o = document.createElement("option");
        o.value = sub;
        subjects.appendChild(o);
      });
    };
    makerRole.addEventListener("change", updateMaker);
    makerUnit.addEventListener("change", updateMaker);
    updateMaker();

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { role: makerRole.value, ttl: makerTtl.value };
      if (makerUnit.value) body.unit = makerUnit.value;
      if (makerOrg.value.trim()) body.org = makerOrg.value.trim();
      if (makerSub.value.trim()) body.sub = makerSub.value.trim();
      setStatus(say("statusMaking"));
      fetch(data.devToken, {
        method: "POST",
        credentials: "omit",
        cache: "no-store",
        headers: { "content-type": "application/json", accept: "application/json", "accept-language": lang },
        body: JSON.stringify(body)
      }).then(function (r) {
        return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; });
      }).then(function (result) {
        if (!result.ok || !result.answer.token) {
          var error = result.answer && result.answer.errors && result.answer.errors[0];
          setStatus(say("statusMakeFailed", { reason: (error && error.message) || "?" }));
          return;
        }
        var who = result.answer.identity || {};
        var parts = [roleLabels[body.role] || body.role, say("whoSub", { sub: who.sub })];
        if (who.unit) parts.push(say("whoUnit", { unit: who.unit }));
        if (who.org) parts.push(say("whoOrg", { org: who.org }));
        made = { token: result.answer.token, who: parts.join(", ") };
        tokenInput.value = made.token;
        tokenBox.value = made.token;
        output.hidden = false;
        describe();
      }, function () {
        setStatus(say("statusMakeFailed", { reason: say("statusUnreachable") }));
      });
    });

    document.getElementById("maker-copy").addEventListener("click", function () {
      tokenBox.focus();
      tokenBox.select();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(tokenBox.value)
        : Promise.resolve(document.execCommand && document.execCommand("copy"));
      copied.then(function () { setStatus(say("statusCopied")); }, function () {});
    });
  }

  function fetcher(params, opts) {
    return currentToken().then(function (token) {
      var headers = Object.assign({}, (opts && opts.headers) || {}, {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        "accept-language": lang
      });
      if (token) headers.authorization = "Bearer " + token;
      return fetch(data.endpoint, {
        method: "POST", headers: headers, body: JSON.stringify(params), credentials: "omit"
      }).then(function (r) { return r.json(); });
    });
  }

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: data.defaultQuery,
    shouldPersistHeaders: false
  }));
  describe();
})();
`;
