/**
 * The analyst page's script, its part on the caller (analyst-script.ts puts the parts together in
 * one function): a pasted token, else the development token of the role picked (from the IDE's
 * development token source, `data-dev-tokens`), else none, the public; and the line that says so.
 * It uses the script's `data`, `dev`, `roleSelect`, `tokenInput`, `callerStatus` and `say`, and
 * gives the others `currentToken` and `describeCaller`.
 */
export const ANALYST_SCRIPT_CALLER = `  // ---- The caller: a pasted token, else the development token of the chosen role, else none.
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
    if (!roleSelect || roleSelect.value === "public") return Promise.resolve("");
    var role = roleSelect.value;
    return loadDevTokens().then(function (tokens) { return (tokens && tokens[role]) || ""; });
  }
  function describeCaller() {
    if (pastedToken()) { callerStatus.textContent = say("callerPasted"); return; }
    if (!roleSelect || roleSelect.value === "public") { callerStatus.textContent = say("callerPublic"); return; }
    var label = roleSelect.options[roleSelect.selectedIndex].textContent;
    currentToken().then(function (token) {
      callerStatus.textContent = token ? say("callerDev", { role: label }) : say("callerNoToken", { role: label });
    });
  }
  if (roleSelect) {
    roleSelect.value = "analyst";
    roleSelect.addEventListener("change", describeCaller);
  }
  tokenInput.addEventListener("input", describeCaller);`;
