/**
 * The IDE page: GraphiQL from local files only (no CDN, works offline), with a role switcher
 * that sets the Authorization header GraphiQL sends. The page's own script is a separate
 * file (/ide/ide.js) so that the Content-Security-Policy can forbid inline scripts.
 */

export const DEFAULT_QUERY = `# The public sees reference data and published statistics without a token.
# Pick a role above to query as an officer, a handling officer, an analyst or an admin.
{
  administrativeUnits(level: DISTRICT) {
    code
    name
  }
}
`;

/** The files the page loads, all served by the gateway under /ide/. */
export const IDE_ASSET_PATHS = [
  "/ide/graphiql.min.css",
  "/ide/react.production.min.js",
  "/ide/react-dom.production.min.js",
  "/ide/graphiql.min.js",
  "/ide/ide.js",
] as const;

/** Served with the page: only this origin, no inline script, no framing. */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface IdePageOptions {
  /** Where GraphiQL sends operations: the same URL that served the page. */
  endpoint: string;
  /** True when GET /ide/dev-tokens serves ready-made development tokens. */
  devTokens: boolean;
}

export function renderIdePage(opts: IdePageOptions): string {
  const devTokensAttr = opts.devTokens ? ` data-dev-tokens="/ide/dev-tokens"` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Dân vận graph · GraphiQL</title>
<link rel="stylesheet" href="/ide/graphiql.min.css">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #bar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .4rem .75rem;
         border-bottom: 1px solid #ddd; font-size: 14px; }
  #bar input { width: 22rem; max-width: 100%; }
  #status { color: #555; }
  #bar details { flex-basis: 100%; color: #333; }
  #graphiql { flex: 1; min-height: 0; }
  code { background: #f3f3f3; padding: 0 .2rem; }
</style>
</head>
<body data-endpoint="${escapeHtml(opts.endpoint)}" data-default-query="${escapeHtml(DEFAULT_QUERY)}"${devTokensAttr}>
<div id="bar">
  <strong>Dân vận graph</strong>
  <label>Role
    <select id="role">
      <option value="public">public (no token)</option>
      <option value="officer">officer</option>
      <option value="handling-officer">handling officer</option>
      <option value="analyst">analyst</option>
      <option value="admin">admin</option>
    </select>
  </label>
  <label>Token <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="paste a token (overrides the role)"></label>
  <span id="status" role="status"></span>
  <details>
    <summary>Where do tokens come from?</summary>
    <p>Run <code>npm run token -- --role &lt;role&gt;</code> where &lt;role&gt; is
    <code>public</code>, <code>officer</code>, <code>handling-officer</code>, <code>analyst</code> or <code>admin</code>
    (officers also need <code>--unit 883</code>, optionally <code>--org HND-883</code>), then paste the printed token above.
    The selected token is sent as <code>Authorization: Bearer &lt;token&gt;</code> with every operation.
    On a development gateway the role menu works without pasting: it fetches short-lived development tokens.</p>
  </details>
</div>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript. You can still POST operations to this URL.</noscript>
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
 * settings from data- attributes, keeps the chosen token in memory only, and adds it to each
 * operation GraphiQL sends.
 */
export const IDE_SCRIPT = `(function () {
  "use strict";
  var data = document.body.dataset;
  var roleSelect = document.getElementById("role");
  var tokenInput = document.getElementById("token");
  var statusEl = document.getElementById("status");
  var dev = { tokens: null, expiresAt: 0, loading: null };

  function setStatus(text) { statusEl.textContent = text; }

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

  function currentToken() {
    var pasted = tokenInput.value.trim().replace(/^Bearer\\s+/i, "");
    if (pasted) return Promise.resolve(pasted);
    var role = roleSelect.value;
    if (role === "public") return Promise.resolve("");
    return loadDevTokens().then(function (tokens) { return (tokens && tokens[role]) || ""; });
  }

  function describe() {
    if (tokenInput.value.trim()) { setStatus("Sending the pasted token."); return; }
    var role = roleSelect.value;
    if (role === "public") { setStatus("Sending no token: you are the public."); return; }
    currentToken().then(function (token) {
      setStatus(token
        ? "Sending a development token for " + role + "."
        : "No token for " + role + ": run npm run token -- --role " + role + " and paste it.");
    });
  }

  roleSelect.addEventListener("change", describe);
  tokenInput.addEventListener("input", describe);

  function fetcher(params, opts) {
    return currentToken().then(function (token) {
      var headers = Object.assign({}, (opts && opts.headers) || {}, {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json"
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
