/**
 * /analyst/analyst-logic.js: the analyst page's logic that touches no page, served to the
 * browser from its own compiled source. The question (analyst-question.ts), the table and its
 * CSV (analyst-table.ts), the chart (analyst-chart.ts), the ranking (analyst-ranking.ts) and the
 * coverage's notes (analyst-coverage.ts) are
 * functions that use nothing but their arguments, the language's built-ins and each other, by
 * name; analyst-routes.ts serves them here as one classic script defining `AnalystLogic` for the
 * page's script (analyst-script.ts). The unit tests run them in Node and the served file in a
 * bare VM, and compare.
 */
import { chartOf } from "./analyst-chart.js";
import { coverageNotes } from "./analyst-coverage.js";
import { controlOfPath, buildAggregateRequest } from "./analyst-question.js";
import { rankingOf } from "./analyst-ranking.js";
import { cellOf, csvField, csvOf, dimensionsKey, dimensionsText, numberOf, resultColumns } from "./analyst-table.js";

/** The functions /analyst/analyst-logic.js carries, each by its own name. */
export const LOGIC_FUNCTIONS = [
  buildAggregateRequest,
  resultColumns,
  cellOf,
  csvField,
  csvOf,
  numberOf,
  dimensionsText,
  dimensionsKey,
  chartOf,
  rankingOf,
  controlOfPath,
  coverageNotes,
] as const;

/**
 * /analyst/analyst-logic.js: these functions' compiled source, defining the global
 * `AnalystLogic` (no import, no module: a classic script the CSP allows from this origin).
 */
export const ANALYST_LOGIC_SCRIPT = `/* The analyst page's logic (gateway/src/analyst-logic.ts). */
var AnalystLogic = (function () {
  "use strict";
${LOGIC_FUNCTIONS.map((f) => `  ${f.toString()}`).join("\n")}
  return { ${LOGIC_FUNCTIONS.map((f) => f.name).join(", ")} };
})();
`;
