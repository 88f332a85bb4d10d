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
