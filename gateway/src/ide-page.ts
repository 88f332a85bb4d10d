/**
 * The IDE page's HTML: GraphiQL from local files only (no CDN, works offline), with a role
 * switcher that sets the Authorization header GraphiQL sends and, on a development gateway, a
 * token maker for any role and unit (ide-token-maker.ts). The page's own script is a separate
 * file (ide-script.ts, served as /ide/ide.js) so that the Content-Security-Policy can forbid
 * inline scripts; it reads its settings and its words (in the page's language) from data-
 * attributes.
 *
 * The page speaks Vietnamese, and English with `?lang=en` (ide-messages.ts).
 */
import type { Language } from "@danvan/kit/i18n";
import { ROLE_NAMES } from "./caller-token.js";
import { escapeHtml, roleOptions } from "./ide-html.js";
import { ideText, otherLanguage, scriptMessages, type IdeMessageKey } from "./ide-messages.js";
import { tokenMaker } from "./ide-token-maker.js";

const QUERY_BODY = `{
  administrativeUnits(parentCode: "91") {
    code
    name
    kind
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
