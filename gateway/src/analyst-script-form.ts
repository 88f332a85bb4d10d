/**
 * The analyst page's script, its part on the form (analyst-script.ts puts the parts together in
 * one function): the dimensions, filters and sort of the aggregate picked, the map (on today's
 * map, which has no districts, the DISTRICT dimension is disabled), and the faults shown
 * beside the fields they name and listed above the answer (a graph fault's path read with
 * `AnalystLogic.controlOfPath`). It uses the script's form controls, `model`, `text`, `say` and
 * its element helpers, and gives the others `showAggregate`, `clearErrors`, `showErrors` and
 * `graphErrors`.
 */
export const ANALYST_SCRIPT_FORM = `  // ---- The form, for the chosen aggregate.
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
    applyMap();
  }
  aggregateSelect.addEventListener("change", function () { showAggregate(); clearErrors(); });

  // ---- The map: its note, and no district on today's map (a district dimension moves to the commune).
  function applyMap() {
    var agg = aggregateOf(aggregateSelect.value);
    mapSelect.disabled = !agg.map;
    var today = agg.map && mapSelect.value === "TODAY";
    Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (el) {
      el.hidden = !agg.map || el.getAttribute("data-map") !== mapSelect.value;
    });
    var picked = dimSelects.map(function (select) { return select.value; });
    dimSelects.forEach(function (select, i) {
      Array.prototype.forEach.call(select.options, function (o) { o.disabled = today && o.value === "DISTRICT"; });
      if (!today || select.value !== "DISTRICT") return;
      var free = Array.prototype.filter.call(select.options, function (o) {
        return !o.disabled && o.value && picked.indexOf(o.value) < 0;
      }).map(function (o) { return o.value; });
      select.value = free.indexOf("COMMUNE") >= 0 ? "COMMUNE" : i === 0 ? free[0] || "" : "";
      picked[i] = select.value;
    });
  }
  mapSelect.addEventListener("change", function () { applyMap(); clearErrors(); });

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
  }`;
