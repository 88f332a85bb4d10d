/**
 * The analyst page's script (plain browser code, served as /analyst/analyst.js; no inline
 * script). It reads the aggregates and its words from the page's data- attributes, fills the
 * form for the chosen aggregate, builds the question with `AnalystLogic` (analyst-logic.ts),
 * POSTs it to the gateway with the caller's token and the page's language, and shows the answer:
 * what its figures rest on (the coverage's notes), a table, a Chart.js chart, a ranking of units,
 * the CSV download (the notes first) and the query sent. Faults
 * come back by field and are shown beside the field, in the page's language.
 *
 * One function holds it all; its parts are in their own files, in this order, sharing the
 * function's variables and helpers defined here: the caller (analyst-script-caller.ts), the form
 * and its faults (analyst-script-form.ts), the question (analyst-script-question.ts) and the
 * answer (analyst-script-answer.ts). The page's buttons are wired here, last.
 */
import { ANALYST_SCRIPT_ANSWER } from "./analyst-script-answer.js";
import { ANALYST_SCRIPT_CALLER } from "./analyst-script-caller.js";
import { ANALYST_SCRIPT_FORM } from "./analyst-script-form.js";
import { ANALYST_SCRIPT_QUESTION } from "./analyst-script-question.js";

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
  var mapSelect = $("map");
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

${ANALYST_SCRIPT_CALLER}

${ANALYST_SCRIPT_FORM}

${ANALYST_SCRIPT_QUESTION}

${ANALYST_SCRIPT_ANSWER}

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
      var notes = L.coverageNotes(payload.coverage, model.words);
      last = { agg: agg, choice: choice, rows: rows, columns: columns, body: body, file: fileName(agg, choice), notes: notes };
      result.hidden = false;
      $("query-document").textContent = request.query;
      $("query-variables").textContent = JSON.stringify(request.variables, null, 2);
      $("query-copy").value = body;
      result.setAttribute("data-total-rows", String(payload.totalRows));
      var counts = { rows: formatted(rows.length), total: formatted(payload.totalRows) };
      var summary = rows.length === 0 ? say("noRows") : say("resultRows", counts);
      if (payload.totalRows > rows.length) summary += " " + say("truncated", { first: text.first });
      $("result-summary").textContent = summary;
      renderCoverage(notes);
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
    var csv = L.csvOf(last.columns, last.rows, model, last.notes.map(function (n) { return n.text; }));
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
