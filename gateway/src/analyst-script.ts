/**
 * The analyst page's script (plain browser code, served as /analyst/analyst.js; no inline
 * script). It reads the aggregates and its words from the page's data- attributes, fills the
 * form for the chosen aggregate, builds the question with `AnalystLogic` (analyst-logic.ts),
 * POSTs it to the gateway with the caller's token and the page's language, and shows the answer:
 * a table, a Chart.js chart, a ranking of units, the CSV download and the query sent. Faults
 * come back by field and are shown beside the field, in the page's language.
 */
export const ANALYST_SCRIPT = `(function () {
  "use strict";
  var L = window.AnalystLogic;
  var data = document.body.dataset;
  var model = JSON.parse(data.model || "{}");
  var text = JSON.parse(data.messages || "{}");
  var lang = data.lang || "vi";
  var locale = lang === "vi" ? "vi-VN" : "en-GB";
  var numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  var $ = function (id) { return document.getElementById(id); };
  var form = $("question");
  var aggregateSelect = $("aggregate");
  var unitSelect = $("unit");
  var dimSelects = [$("dim-1"), $("dim-2"), $("dim-3"), $("dim-4")];
  var filterBox = $("filter-fields");
  var sortSelect = $("sort");
  var directionSelect = $("direction");
  var firstInput = $("first");
  var roleSelect = $("role");
  var tokenInput = $("token");
  var statusEl = $("status");
  var callerStatus = $("caller-status");
  var errorsBox = $("errors");
  var errorList = $("error-list");
  var result = $("result");
  var chartCanvas = $("chart");
  var chart = null;
  var last = null;
  var dev = { tokens: null, expiresAt: 0, loading: null };
  var answers = 0;

  function say(key, params) {
    var s = text[key] || key;
    Object.keys(params || {}).forEach(function (name) { s = s.split("{" + name + "}").join(String(params[name])); });
    return s;
  }
  function setStatus(s) { statusEl.textContent = s; }
  /** "running", then "done" or "failed"; data-answers counts the questions answered or refused. */
  function setState(state) {
    statusEl.setAttribute("data-state", state);
    if (state !== "running") statusEl.setAttribute("data-answers", String(++answers));
  }
  function failed(problems, line) {
    showErrors(problems);
    result.hidden = true;
    last = null;
    setStatus(line);
    setState("failed");
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function element(tag, props, children) {
    var el = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") el.textContent = props[k];
      else if (k === "className") el.className = props[k];
      else el.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { el.appendChild(c); });
    return el;
  }
  function option(value, label) { var o = element("option", { text: label }); o.value = value; return o; }
  function aggregateOf(id) {
    return model.aggregates.filter(function (a) { return a.id === id; })[0] || model.aggregates[0];
  }
  function formatted(value) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "string" && /^-?\\d+$/.test(value) && typeof BigInt === "function") return numbers.format(BigInt(value));
    var n = Number(value);
    return isFinite(n) ? numbers.format(n) : String(value);
  }

  // ---- The caller: a pasted token, else the development token of the chosen role, else none.
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
  tokenInput.addEventListener("input", describeCaller);

  // ---- The form, for the chosen aggregate.
  function showAggregate() {
    var agg = aggregateOf(aggregateSelect.value);
    $("aggregate-note").textContent = agg.note || "";
    Array.prototype.forEach.call(document.querySelectorAll("[data-period]"), function (el) {
      el.hidden = el.getAttribute("data-period").split(" ").indexOf(agg.period) < 0;
    });
    var names = agg.dimensions.map(function (d) { return d.name; });
    dimSelects.forEach(function (select, i) {
      var before = select.value;
      clear(select);
      if (i > 0) select.appendChild(option("", text.dimensionNone));
      agg.dimensions.forEach(function (d) { select.appendChild(option(d.name, d.label)); });
      select.value = names.indexOf(before) >= 0 ? before : (i === 0 ? names[0] : "");
    });
    clear(filterBox);
    agg.filters.forEach(function (f) {
      if (f.kind === "int") {
        filterBox.appendChild(element("label", { "for": "filter-" + f.field, className: "field", text: f.label }, [
          element("input", { id: "filter-" + f.field, type: "number", step: "1", "data-filter": f.field })
        ]));
        return;
      }
      var set = element("fieldset", { id: "filter-" + f.field, className: "choices", "data-filter": f.field }, [
        element("legend", { text: f.label })
      ]);
      (model.enums[f.enumType] || []).forEach(function (v) {
        var box = element("input", { type: "checkbox", value: v.value, name: "filter-" + f.field });
        set.appendChild(element("label", {}, [box, document.createTextNode(" " + v.label)]));
      });
      filterBox.appendChild(set);
    });
    var sortBefore = sortSelect.value;
    clear(sortSelect);
    sortSelect.appendChild(option("", text.sortNone));
    agg.measures.forEach(function (m) { sortSelect.appendChild(option(m.name, m.label)); });
    var measures = agg.measures.map(function (m) { return m.name; });
    sortSelect.value = measures.indexOf(sortBefore) >= 0 ? sortBefore : measures[0];
  }
  aggregateSelect.addEventListener("change", function () { showAggregate(); clearErrors(); });

  // ---- Faults, beside their fields and listed above the answer.
  function labelOf(control) {
    var el = $(control);
    if (!el) return control;
    if (el.tagName === "FIELDSET") return el.querySelector("legend").textContent;
    var label = document.querySelector('label[for="' + control + '"]');
    return label ? label.firstChild.textContent.trim() : control;
  }
  function clearErrors() {
    errorsBox.hidden = true;
    clear(errorList);
    Array.prototype.forEach.call(document.querySelectorAll(".field-error"), function (el) { el.parentNode.removeChild(el); });
    Array.prototype.forEach.call(document.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
  }
  /** problems: [{ control?, path?, message }] */
  function showErrors(problems) {
    clearErrors();
    $("errors-heading").textContent = say("errorsHeading");
    problems.forEach(function (p) {
      var el = p.control ? $(p.control) : null;
      var where = el ? labelOf(p.control) : p.path || "";
      var item = element("li", { text: where ? where + ": " + p.message : p.message });
      if (p.control) item.setAttribute("data-control", p.control);
      errorList.appendChild(item);
      if (el) {
        el.setAttribute("aria-invalid", "true");
        var note = element("span", { className: "field-error", "data-for": p.control, text: p.message });
        if (el.tagName === "FIELDSET") el.appendChild(note);
        else el.parentNode.insertBefore(note, el.nextSibling);
      }
    });
    errorsBox.hidden = problems.length === 0;
  }
  function graphErrors(body, status, dimControls) {
    var errors = (body && body.errors) || [];
    var problems = [];
    errors.forEach(function (e) {
      var ext = e.extensions || {};
      var fields = Array.isArray(ext.fields) ? ext.fields : [];
      if (fields.length === 0) {
        problems.push({ message: ext.code ? say("errCode", { message: e.message, code: ext.code }) : e.message });
        return;
      }
      fields.forEach(function (f) {
        var control = L.controlOfPath(String(f.path || ""));
        if (control && control.indexOf("dim-") === 0) control = dimControls[Number(control.slice(4)) - 1] || "dim-1";
        problems.push({ control: control, path: String(f.path || ""), message: f.message });
      });
    });
    if (problems.length === 0) problems.push({ message: say("errHttp", { status: status }) });
    return problems;
  }

  // ---- The question.
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
  }

  // ---- The answer.
  function measureOf(agg, choice) {
    var name = choice.orderBy ? choice.orderBy.by : agg.measures[0].name;
    return agg.measures.filter(function (m) { return m.name === name; })[0] || agg.measures[0];
  }
  function renderTable(columns, rows) {
    var table = $("table");
    var head = table.tHead;
    var tbody = table.tBodies[0];
    clear(head);
    clear(tbody);
    head.appendChild(element("tr", {}, columns.map(function (c) {
      return element("th", { scope: "col", className: c.source === "measure" ? "num" : "", "data-column": c.id, text: c.label });
    })));
    rows.forEach(function (row) {
      var tr = element("tr", {}, columns.map(function (c) {
        var cell = L.cellOf(row, c, model);
        var td = element("td", { "data-column": c.id });
        if (c.source === "measure") {
          td.className = "num";
          td.textContent = cell.value === null ? (row.suppressed ? "—" : "") : formatted(cell.value);
          if (cell.value !== null) td.setAttribute("data-value", String(cell.value));
        } else {
          td.textContent = cell.text;
          if (cell.value !== null && cell.value !== undefined) td.setAttribute("data-value", String(cell.value));
        }
        return td;
      }));
      if (row.suppressed) { tr.className = "suppressed"; tr.title = say("suppressedTitle"); }
      tbody.appendChild(tr);
    });
  }
  function renderChart(agg, choice, rows, measure) {
    var spec = L.chartOf(agg, choice.groupBy, rows, measure.field, model, 12);
    if (chart) { chart.destroy(); chart = null; }
    var first = agg.dimensions.filter(function (d) { return d.name === choice.groupBy[0]; })[0];
    var title = spec.type === "line"
      ? say("chartLine", { measure: measure.label })
      : say("chartBar", { measure: measure.label, dimension: first ? first.label : "" });
    $("chart-title").textContent = title;
    chartCanvas.setAttribute("aria-label", title);
    chartCanvas.setAttribute("data-chart-type", spec.type);
    $("chart-note").textContent = spec.omittedSeries > 0 ? say("chartOmitted", { count: spec.omittedSeries }) : "";
    chart = new window.Chart(chartCanvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) { return { label: d.label, data: d.data, spanGaps: false }; })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: locale,
        plugins: { legend: { display: spec.datasets.length > 1 } },
        scales: { y: { beginAtZero: true } }
      }
    });
  }
  function renderRanking(agg, choice, rows, measure) {
    var box = $("ranking-box");
    var list = $("ranking");
    clear(list);
    var ranking = L.rankingOf(agg, choice.groupBy, rows, measure.field, model);
    box.hidden = !ranking || ranking.entries.length === 0;
    if (!ranking) return;
    $("ranking-heading").textContent = say("rankingHeading", { measure: measure.label });
    var top = ranking.entries.length ? Math.max(ranking.entries[0].value, 0) : 0;
    ranking.entries.forEach(function (e) {
      var meter = element("meter", { min: "0", max: String(top || 1), value: String(Math.max(e.value, 0)) });
      var children = [element("span", { className: "name", text: e.name }), document.createTextNode(" "), meter,
        element("span", { className: "value", text: formatted(e.value) })];
      if (e.detail) children.push(element("span", { className: "detail", text: e.detail }));
      list.appendChild(element("li", { "data-code": e.code, "data-value": String(e.value) }, children));
    });
    $("ranking-note").textContent = ranking.withoutValue > 0 ? say("rankingLeftOut", { count: ranking.withoutValue }) : "";
  }
  function fileName(agg, choice) {
    var period = choice.year ? String(choice.year) : choice.asOf ? choice.asOf
      : [choice.from, choice.to].filter(Boolean).join("_");
    return ["danvan", agg.id, choice.unitCode, period].concat(choice.groupBy).filter(Boolean).join("-").toLowerCase() + ".csv";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var agg = aggregateOf(aggregateSelect.value);
    var problems = [];
    var dimControls = [];
    var choice = readChoice(agg, problems, dimControls);
    if (problems.length) { failed(problems, say("statusFailed")); return; }
    clearErrors();
    var request = L.buildAggregateRequest(agg, choice);
    var body = JSON.stringify(request);
    var started = Date.now();
    setStatus(say("statusRunning"));
    setState("running");
    $("run").disabled = true;
    send(body).then(function (answer) {
      $("run").disabled = false;
      var payload = answer.body && answer.body.data ? answer.body.data[agg.field] : null;
      if (!payload) { failed(graphErrors(answer.body, answer.status, dimControls), say("statusFailed")); return; }
      if (answer.body.errors && answer.body.errors.length) showErrors(graphErrors(answer.body, answer.status, dimControls));
      var rows = payload.rows || [];
      var columns = L.resultColumns(agg, choice.groupBy, model.words);
      var measure = measureOf(agg, choice);
      last = { agg: agg, choice: choice, rows: rows, columns: columns, body: body, file: fileName(agg, choice) };
      result.hidden = false;
      $("query-document").textContent = request.query;
      $("query-variables").textContent = JSON.stringify(request.variables, null, 2);
      $("query-copy").value = body;
      result.setAttribute("data-total-rows", String(payload.totalRows));
      var counts = { rows: formatted(rows.length), total: formatted(payload.totalRows) };
      var summary = rows.length === 0 ? say("noRows") : say("resultRows", counts);
      if (payload.totalRows > rows.length) summary += " " + say("truncated", { first: text.first });
      $("result-summary").textContent = summary;
      renderTable(columns, rows);
      renderChart(agg, choice, rows, measure);
      renderRanking(agg, choice, rows, measure);
      setStatus(say("statusDone", { ms: formatted(Date.now() - started) }));
      setState("done");
    }, function () {
      $("run").disabled = false;
      failed([{ message: say("statusUnreachable") }], say("statusUnreachable"));
    });
  });

  $("download-csv").addEventListener("click", function () {
    if (!last) return;
    var csv = L.csvOf(last.columns, last.rows, model);
    var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    var link = element("a", { href: url, download: last.file, className: "offscreen" });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    setStatus(say("statusDownloaded", { file: last.file }));
  });

  $("copy-query").addEventListener("click", function () {
    if (!last) return;
    var copied = function () { setStatus(say("statusCopied")); };
    var fallback = function () {
      var box = $("query-copy");
      box.value = last.body;
      box.focus();
      box.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      setStatus(ok ? say("statusCopied") : say("statusCopyFailed"));
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(last.body).then(copied, fallback);
    else fallback();
  });

  showAggregate();
  describeCaller();
})();
`;
