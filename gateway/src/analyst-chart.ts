/**
 * The analyst page's chart of a measure: the x axis, the series and what is left out.
 *
 * This function runs in the browser (analyst-logic.ts serves it from its own compiled source):
 * it uses nothing but its arguments, the language's built-ins and the other functions of
 * LOGIC_FUNCTIONS, by name.
 */
import type { AggregateRow, ModelAggregate, PageModel } from "./analyst-model.js";
import { dimensionsKey, dimensionsText, numberOf } from "./analyst-table.js";

export interface ChartSpec {
  type: "bar" | "line";
  /** The x axis: a time dimension's buckets in order, else the first dimension's values in the rows' order. */
  labels: string[];
  /** One series per combination of the other dimensions (one series when there is none). */
  datasets: { label: string; data: (number | null)[] }[];
  /** Series left out beyond `maxSeries` (the smallest by total). */
  omittedSeries: number;
}

/**
 * The chart of a measure: a line over time when a time dimension is grouped (every time
 * dimension together makes the x axis, in order), else bars over the first dimension; the other
 * dimensions make the series (at most `maxSeries`, the largest). A suppressed cell is a gap.
 */
export function chartOf(
  aggregate: ModelAggregate,
  groupBy: string[],
  rows: AggregateRow[],
  measureField: string,
  model: PageModel,
  maxSeries: number,
): ChartSpec {
  const dims = groupBy.map((n) => aggregate.dimensions.find((d) => d.name === n)).filter((d) => d !== undefined);
  const timeNames = dims.filter((d) => d.kind === "time").map((d) => d.name);
  const line = timeNames.length > 0;
  const xNames = line ? timeNames : dims.slice(0, 1).map((d) => d.name);
  const seriesNames = dims.map((d) => d.name).filter((n) => !xNames.includes(n));
  const measure = aggregate.measures.find((m) => m.field === measureField);
  // Points and series are kept by their values (a place by its code), shown by their texts.
  const xs: string[] = [];
  const texts = new Map<string, string>();
  const series = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const x = dimensionsKey(aggregate, xNames, row);
    if (!texts.has(`x${x}`)) {
      xs.push(x);
      texts.set(`x${x}`, dimensionsText(aggregate, xNames, row, model));
    }
    const key = dimensionsKey(aggregate, seriesNames, row);
    if (!series.has(key)) {
      series.set(key, new Map());
      const label = seriesNames.length > 0 ? dimensionsText(aggregate, seriesNames, row, model) : measure?.label;
      texts.set(`s${key}`, label ?? measureField);
    }
    const points = series.get(key)!;
    const value = numberOf(row[measureField]);
    const before = points.get(x);
    // Several rows on one point (a dimension with no value, say) add up; a median keeps the first.
    points.set(
      x,
      before === undefined ? value : before === null || value === null || !measure?.additive ? before : before + value,
    );
  }
  if (line) xs.sort();
  /** Texts of `keys`, a text shared by two (two communes of one name) followed by its values. */
  const shown = (prefix: string, keys: string[]) =>
    keys.map((k) => {
      const text = texts.get(prefix + k)!;
      const shared = keys.some((o) => o !== k && texts.get(prefix + o) === text);
      return shared ? `${text} (${(JSON.parse(k) as unknown[]).join(" · ")})` : text;
    });
  const total = (points: Map<string, number | null>) => {
    let sum = 0;
    for (const v of points.values()) sum += v ?? 0;
    return sum;
  };
  const ordered = [...series.keys()].sort((a, b) => total(series.get(b)!) - total(series.get(a)!));
  const kept = ordered.slice(0, maxSeries);
  const keptLabels = shown("s", kept);
  const order = kept.map((_, i) => i);
  if (seriesNames.length > 0)
    order.sort((a, b) => (keptLabels[a]! < keptLabels[b]! ? -1 : keptLabels[a]! > keptLabels[b]! ? 1 : 0));
  return {
    type: line ? "line" : "bar",
    labels: shown("x", xs),
    datasets: order.map((i) => ({
      label: keptLabels[i]!,
      data: xs.map((x) => series.get(kept[i]!)!.get(x) ?? null),
    })),
    omittedSeries: ordered.length - kept.length,
  };
}
