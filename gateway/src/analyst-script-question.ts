/**
 * The analyst page's script, its part on the question (analyst-script.ts puts the parts together
 * in one function): the choice read from the form (whole numbers and required fields checked
 * here, each fault by its control), and the POST to the gateway with the caller's token and the
 * page's language. It uses the script's form controls (the map among them), `data`, `lang`, `say` and `currentToken`,
 * and gives the others `readChoice` and `send`.
 */
export const ANALYST_SCRIPT_QUESTION = `  // ---- The question.
  function wholeNumber(control, raw, required, problems) {
    var s = String(raw || "").trim();
    if (s === "") { if (required) problems.push({ control: control, message: say("errRequired") }); return null; }
    if (!/^-?\\d+$/.test(s)) { problems.push({ control: control, message: say("errWholeNumber") }); return null; }
    return Number(s);
  }
  function readChoice(agg, problems, dimControls) {
    var choice = { aggregate: agg.id, unitCode: unitSelect.value, groupBy: [], filter: {}, orderBy: null, first: null };
    if (agg.period === "year") choice.year = wholeNumber("year", $("year").value, true, problems);
    if (agg.period === "range" || agg.period === "optionalRange") {
      choice.from = $("from").value || null;
      choice.to = $("to").value || null;
      if (agg.period === "range") {
        if (!choice.from) problems.push({ control: "from", message: say("errRequired") });
        if (!choice.to) problems.push({ control: "to", message: say("errRequired") });
      }
    }
    if (agg.period === "asOf") choice.asOf = $("as-of").value || null;
    if (agg.map) choice.map = mapSelect.value;
    dimSelects.forEach(function (select) {
      if (select.value) { choice.groupBy.push(select.value); dimControls.push(select.id); }
    });
    if (choice.groupBy.length === 0) problems.push({ control: "dim-1", message: say("errNoDimension") });
    agg.filters.forEach(function (f) {
      if (f.kind === "int") {
        var n = wholeNumber("filter-" + f.field, $("filter-" + f.field).value, false, problems);
        if (n !== null) choice.filter[f.field] = n;
        return;
      }
      var ticked = Array.prototype.filter.call(
        document.querySelectorAll('#filter-' + f.field + ' input[type="checkbox"]'),
        function (box) { return box.checked; }
      ).map(function (box) { return box.value; });
      if (ticked.length) choice.filter[f.field] = ticked;
    });
    if (sortSelect.value) choice.orderBy = { by: sortSelect.value, direction: directionSelect.value };
    choice.first = wholeNumber("first", firstInput.value, false, problems);
    return choice;
  }
  function send(body) {
    return currentToken().then(function (token) {
      var headers = {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        "accept-language": lang
      };
      if (token) headers.authorization = "Bearer " + token;
      return fetch(data.endpoint, { method: "POST", headers: headers, body: body, credentials: "omit", cache: "no-store" });
    }).then(function (r) {
      return r.text().then(function (t) {
        var parsed = null;
        try { parsed = JSON.parse(t); } catch (e) { parsed = null; }
        return { status: r.status, body: parsed };
      });
    });
  }`;
