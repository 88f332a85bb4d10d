import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogueKeys, hasMessage } from "@danvan/kit/i18n";
import { AGGREGATE_ENUMS, AGGREGATES } from "./analyst-aggregates.js";
import {
  aggregateKey,
  aggregateNoteKey,
  analystText,
  dimensionKey,
  enumValueKey,
  measureKey,
} from "./analyst-messages.js";
import { model } from "./testing/analyst-questions.js";

describe("the analyst page's words", () => {
  it("has every word in both languages, translated: aggregates, dimensions, measures and values", () => {
    const en = catalogueKeys("analyst", "en").sort();
    assert.deepEqual(catalogueKeys("analyst", "vi").sort(), en);
    const same = new Set(["errCode"]);
    for (const key of en) {
      if (same.has(key)) continue;
      assert.notEqual(analystText(key as never, "vi"), analystText(key as never, "en"), key);
    }
    const keys = [
      ...AGGREGATES.flatMap((a) => [
        aggregateKey(a.id),
        aggregateNoteKey(a.id),
        ...a.dimensions.map((d) => dimensionKey(d.field)),
        ...a.measures.map((m) => measureKey(m.field)),
      ]),
      ...Object.entries(AGGREGATE_ENUMS).flatMap(([type, values]) => values.map((v) => enumValueKey(type, v))),
    ];
    for (const key of keys) assert.ok(hasMessage(`analyst:${key}`), key);
    for (const a of model.aggregates) {
      for (const f of a.filters) assert.ok(f.label && !f.label.startsWith("dim"), `${a.id}.${f.field}`);
    }
  });
});
