import assert from "node:assert/strict";
import vm from "node:vm";
import { describe, it } from "node:test";
import { chartOf } from "./analyst-chart.js";
import { coverageNotes } from "./analyst-coverage.js";
import { ANALYST_LOGIC_SCRIPT, LOGIC_FUNCTIONS } from "./analyst-logic.js";
import { buildAggregateRequest } from "./analyst-question.js";
import { rankingOf } from "./analyst-ranking.js";
import { csvOf, resultColumns } from "./analyst-table.js";
import { aggregate, COVERAGE, everyQuestion, model, SUPPORT_ROWS } from "./testing/analyst-questions.js";

describe("the analyst page's logic in the browser (/analyst/analyst-logic.js)", () => {
  const rows = SUPPORT_ROWS;

  it("serves the same functions to the browser, which run alone in a bare VM and answer the same", () => {
    const context = vm.createContext({});
    vm.runInContext(ANALYST_LOGIC_SCRIPT, context);
    const logic = (context as { AnalystLogic: Record<string, (...args: unknown[]) => unknown> }).AnalystLogic;
    assert.deepEqual(Object.keys(logic).sort(), LOGIC_FUNCTIONS.map((f) => f.name).sort());
    // Through JSON: the VM's objects and arrays are another realm's.
    const same = (a: unknown, b: unknown) =>
      assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
    for (const { spec, choice } of everyQuestion()) {
      same(logic.buildAggregateRequest!(aggregate(spec.id), choice), buildAggregateRequest(aggregate(spec.id), choice));
    }
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    same(logic.resultColumns!(aggregate("support"), ["DISTRICT", "KIND"], model.words), columns);
    assert.equal(logic.csvOf!(columns, rows, model), csvOf(columns, rows, model));
    const notes = coverageNotes(COVERAGE, model.words);
    same(logic.coverageNotes!(COVERAGE, model.words), notes);
    const texts = notes.map((n) => n.text);
    assert.equal(logic.csvOf!(columns, rows, model, texts), csvOf(columns, rows, model, texts));
    same(
      logic.chartOf!(aggregate("support"), ["KIND"], rows, "events", model, 12),
      chartOf(aggregate("support"), ["KIND"], rows, "events", model, 12),
    );
    same(
      logic.rankingOf!(aggregate("support"), ["DISTRICT"], rows, "amountVnd", model),
      rankingOf(aggregate("support"), ["DISTRICT"], rows, "amountVnd", model),
    );
    assert.equal(logic.controlOfPath!("groupBy.1"), "dim-2");
  });
});
