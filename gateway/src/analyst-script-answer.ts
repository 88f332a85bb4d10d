/**
 * The analyst page's script, its part on the answer (analyst-script.ts puts the parts together in
 * one function): the coverage's notes, the table, the Chart.js chart and the ranking of units,
 * drawn from `AnalystLogic`'s notes, cells, series and ranking, and the CSV's file name. It uses
 * the script's `model`, `chart`, `chartCanvas`, `locale`, `say`, `formatted` and element helpers,
 * and gives the others `measureOf`, `renderCoverage`, `renderTable`, `renderChart`,
 * `renderRanking` and `fileName`.
 */
export const ANALYST_SCRIPT_ANSWER = `  // ---- The answer.
  function measureOf(agg, choice) {
    var name = choice.orderBy ? choice.orderBy.by : agg.measures[0].name;
    return agg.measures.filter(function (m) { return m.name === name; })[0] || agg.measures[0];
  }
  /** The coverage's notes above the answer: the warning (with the communes without records), the approximation. */
  function renderCoverage(notes) {
    var incomplete = notes.filter(function (n) { return n.kind === "incomplete"; })[0];
    var approximate = notes.filter(function (n) { return n.kind === "approximate"; })[0];
    var warning = $("coverage-incomplete");
    var list = $("coverage-uncovered-list");
    warning.hidden = !incomplete;
    warning.textContent = incomplete ? incomplete.text : "";
    warning.setAttribute("data-count", incomplete ? String(incomplete.units.length) : "0");
    clear(list);
    (incomplete ? incomplete.units : []).forEach(function (u) {
      list.appendChild(element("li", { "data-code": u.code, text: u.name + " (" + u.code + ")" }));
    });
    $("coverage-uncovered").hidden = !incomplete || incomplete.units.length === 0;
    var note = $("coverage-approximate");
    note.hidden = !approximate;
    note.textContent = approximate ? approximate.text : "";
    note.setAttribute("data-count", approximate ? String(approximate.units.length) : "0");
    $("coverage").hidden = notes.length === 0;
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
    var map = choice.map === "TODAY" ? "today" : "";
    return ["danvan", agg.id, choice.unitCode, period, map].concat(choice.groupBy).filter(Boolean).join("-").toLowerCase() + ".csv";
  }`;
