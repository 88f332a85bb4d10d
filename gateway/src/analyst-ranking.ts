/**
 * The analyst page's ranking of units by a measure, when a place is grouped.
 *
 * This function runs in the browser (analyst-logic.ts serves it from its own compiled source):
 * it uses nothing but its arguments, the language's built-ins and the other functions of
 * LOGIC_FUNCTIONS, by name.
 */
import type { AggregateRow, ModelAggregate, PageModel } from "./analyst-model.js";
import { dimensionsText, numberOf } from "./analyst-table.js";

export interface Ranking {
  /** The place dimension ranked: the finest grouped (communes before districts). */
  dimension: string;
  entries: { code: string; name: string; value: number; detail: string }[];
  /** Rows left out because their measure is suppressed or missing. */
  withoutValue: number;
}

/**
 * The units ranked by a measure, largest first, when a place dimension is grouped (null
 * otherwise). The finest place is ranked; an additive measure is summed over the other
 * dimensions, a median (not additive) ranks each row with its other dimensions as its detail.
 */
export function rankingOf(
  aggregate: ModelAggregate,
  groupBy: string[],
  rows: AggregateRow[],
  measureField: string,
  model: PageModel,
): Ranking | null {
  const places = groupBy.filter((n) => aggregate.dimensions.some((d) => d.name === n && d.kind === "place"));
  if (places.length === 0) return null;
  const placeName = places.includes("COMMUNE") ? "COMMUNE" : places[0]!;
  const place = aggregate.dimensions.find((d) => d.name === placeName)!;
  const others = groupBy.filter((n) => n !== placeName && !(placeName === "COMMUNE" && n === "DISTRICT"));
  const measure = aggregate.measures.find((m) => m.field === measureField);
  const sum = measure !== undefined && measure.additive;
  const entries: Ranking["entries"] = [];
  const byCode = new Map<string, Ranking["entries"][number]>();
  let withoutValue = 0;
  for (const row of rows) {
    const unit = row[place.field] as { code?: unknown; name?: unknown } | null | undefined;
    const value = numberOf(row[measureField]);
    if (!unit || value === null) {
      withoutValue += 1;
      continue;
    }
    const code = String(unit.code);
    const existing = byCode.get(code);
    if (sum && existing) {
      existing.value += value;
      continue;
    }
    const entry = {
      code,
      name: String(unit.name ?? code),
      value,
      detail: sum ? "" : dimensionsText(aggregate, others, row, model),
    };
    if (sum) byCode.set(code, entry);
    entries.push(entry);
  }
  entries.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { dimension: placeName, entries, withoutValue };
}
