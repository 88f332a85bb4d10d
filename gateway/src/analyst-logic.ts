/**
 * The analyst page's logic that touches no page: the GraphQL document and variables of a
 * grouping, the table's columns and cells, the CSV, the chart's series and the ranking of units.
 *
 * These functions run in the browser: analyst-routes.ts serves them as /analyst/analyst-logic.js
 * (`ANALYST_LOGIC_SCRIPT`, made from their own compiled source), which defines `AnalystLogic` for
 * the page's script (analyst-script.ts). So each function here uses nothing but its arguments,
 * the language's built-ins and the other functions of LOGIC_FUNCTIONS, by name; the unit tests
 * run them in Node and the served file in a bare VM, and compare.
 */
import type { DimensionKind, MeasureKind, PeriodKind } from "./analyst-aggregates.js";

/** An aggregate as the page's script receives it: the contract's spec with labels in the page's language. */
export interface ModelAggregate {
  id: string;
  field: string;
  prefix: string;
  period: PeriodKind;
  label: string;
  /** What the figures are, under the menu. */
  note?: string;
  suppressed: boolean;
  dimensions: { name: string; field: string; kind: DimensionKind; enumType?: string; label: string }[];
  measures: { name: string; field: string; kind: MeasureKind; additive: boolean; label: string }[];
  filters: { field: string; kind: "enumList" | "int"; enumType?: string; dimension?: string; label: string }[];
}

/** Words the logic writes into cells and headers, in the page's language. */
export interface ModelWords {
  /** "{dimension} (code)": the header of a place's code column. */
  placeCode: string;
  /** The header of the column that marks suppressed rows. */
  suppressed: string;
  yes: string;
  no: string;
  /** A boolean dimension (on time): true, false, null (not resolved yet). */
  onTimeTrue: string;
  onTimeFalse: string;
  onTimeNull: string;
  /** A missing value. */
  none: string;
}

/** What the page's script receives (`data-model`): every aggregate, every enum's labels, the words. */
export interface PageModel {
  aggregates: ModelAggregate[];
  enums: Record<string, { value: string; label: string }[]>;
  words: ModelWords;
}

/** What the analyst picked. */
export interface AggregateChoice {
  aggregate: string;
  unitCode: string;
  year?: number | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
  groupBy: string[];
  /** Filter fields: lists of enum values, whole numbers; empty ones are left out. */
  filter: Record<string, unknown>;
  orderBy?: { by: string; direction: "ASC" | "DESC" } | null;
  first?: number | null;
}

/** What the page POSTs to /graphql. */
export interface AggregateRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export type AggregateRow = Record<string, unknown>;

export interface Column {
  /** A column id, unique in the table: `district.code`, `district`, `events`, `suppressed`. */
  id: string;
  label: string;
  source: "dimension" | "measure" | "suppressed";
  field: string;
  /** A dimension's kind, or "measure" / "suppressed". */
  kind: DimensionKind | MeasureKind | "suppressed";
  /** A place's code or name. */
  part?: "code" | "name";
  enumType?: string;
}

export interface Cell {
  /** The raw value (a number, a BigInt's string, a code, an enum value, a boolean), null when none. */
  value: unknown;
  /** What the table and the CSV show (an enum's label, a place's name, a number's digits). */
  text: string;
}

/**
 * The GraphQL document and variables of a grouping: one named query with a variable for each
 * argument given, the grouped dimensions (a place as `{ code name }`) and every measure selected,
 * `suppressed` where the aggregate has it, and `totalRows`.
 */
export function buildAggregateRequest(aggregate: ModelAggregate, choice: AggregateChoice): AggregateRequest {
  const args: [string, string, unknown][] = [["unitCode", "ID!", choice.unitCode]];
  const p = aggregate.period;
  if (p === "year") args.push(["year", "Int!", choice.year]);
  if (p === "range") args.push(["from", "Date!", choice.from], ["to", "Date!", choice.to]);
  if (p === "optionalRange") {
    if (choice.from) args.push(["from", "Date", choice.from]);
    if (choice.to) args.push(["to", "Date", choice.to]);
  }
  if (p === "asOf" && choice.asOf) args.push(["asOf", "Date", choice.asOf]);
  args.push(["groupBy", `[${aggregate.prefix}Dimension!]!`, choice.groupBy.slice()]);
  const filter: Record<string, unknown> = {};
  for (const f of aggregate.filters) {
    const v = choice.filter[f.field];
    if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "") filter[f.field] = v;
  }
  if (Object.keys(filter).length > 0) args.push(["filter", `${aggregate.prefix}AggregateFilter`, filter]);
  if (choice.orderBy) {
    args.push([
      "orderBy",
      `[${aggregate.prefix}AggregateOrder!]`,
      [{ by: choice.orderBy.by, direction: choice.orderBy.direction }],
    ]);
  }
  if (choice.first !== undefined && choice.first !== null) args.push(["first", "Int", choice.first]);

  const operationName = `${aggregate.prefix}Aggregate`;
  const selection: string[] = [];
  for (const name of choice.groupBy) {
    const d = aggregate.dimensions.find((x) => x.name === name);
    if (!d) continue;
    if (d.kind === "place") selection.push(`${d.field} {`, "  code", "  name", "}");
    else selection.push(d.field);
  }
  for (const m of aggregate.measures) selection.push(m.field);
  if (aggregate.suppressed) selection.push("suppressed");
  const query = [
    `query ${operationName}(${args.map(([name, type]) => `$${name}: ${type}`).join(", ")}) {`,
    `  ${aggregate.field}(${args.map(([name]) => `${name}: $${name}`).join(", ")}) {`,
    "    rows {",
    ...selection.map((line) => `      ${line}`),
    "    }",
    "    totalRows",
    "  }",
    "}",
    "",
  ].join("\n");
  const variables: Record<string, unknown> = {};
  for (const [name, , value] of args) variables[name] = value;
  return { operationName, query, variables };
}

/** The table's columns: each grouped dimension (a place as its code, then its name), each measure, then `suppressed`. */
export function resultColumns(aggregate: ModelAggregate, groupBy: string[], words: ModelWords): Column[] {
  const columns: Column[] = [];
  for (const name of groupBy) {
    const d = aggregate.dimensions.find((x) => x.name === name);
    if (!d) continue;
    if (d.kind === "place") {
      const codeLabel = words.placeCode.split("{dimension}").join(d.label);
      columns.push({
        id: `${d.field}.code`,
        label: codeLabel,
        source: "dimension",
        field: d.field,
        kind: "place",
        part: "code",
      });
      columns.push({ id: d.field, label: d.label, source: "dimension", field: d.field, kind: "place", part: "name" });
    } else {
      const column: Column = { id: d.field, label: d.label, source: "dimension", field: d.field, kind: d.kind };
      if (d.enumType) column.enumType = d.enumType;
      columns.push(column);
    }
  }
  for (const m of aggregate.measures) {
    columns.push({ id: m.field, label: m.label, source: "measure", field: m.field, kind: m.kind });
  }
  if (aggregate.suppressed) {
    columns.push({
      id: "suppressed",
      label: words.suppressed,
      source: "suppressed",
      field: "suppressed",
      kind: "suppressed",
    });
  }
  return columns;
}

/** One cell of a row: its raw value and its text (labels in the page's language). */
export function cellOf(row: AggregateRow, column: Column, model: PageModel): Cell {
  const raw = row[column.field];
  if (column.kind === "place") {
    const unit = raw as { code?: unknown; name?: unknown } | null | undefined;
    const value = unit ? (column.part === "code" ? unit.code : unit.name) : null;
    return { value: value ?? null, text: value === null || value === undefined ? model.words.none : String(value) };
  }
  if (column.kind === "suppressed") return { value: raw === true, text: raw === true ? model.words.yes : "" };
  if (column.kind === "boolean") {
    const text =
      raw === true ? model.words.onTimeTrue : raw === false ? model.words.onTimeFalse : model.words.onTimeNull;
    return { value: raw ?? null, text };
  }
  if (raw === null || raw === undefined)
    return { value: null, text: column.source === "measure" ? "" : model.words.none };
  if (column.enumType) {
    const found = (model.enums[column.enumType] ?? []).find((e) => e.value === raw);
    return { value: raw, text: found ? found.label : String(raw) };
  }
  return { value: raw, text: String(raw) };
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.split('"').join('""')}"` : text;
}

/**
 * The table as CSV: UTF-8 with a byte-order mark (so that Excel reads Vietnamese), CRLF line
 * ends, the header row, then each row's cells as the table shows them but numbers in full digits
 * (no thousands separators). A suppressed cell is empty.
 */
export function csvOf(columns: Column[], rows: AggregateRow[], model: PageModel): string {
  const lines = [columns.map((c) => csvField(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellOf(row, c, model).text)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A measure's value as a number (the BigInt scalar may come as a string of digits); null when none. */
export function numberOf(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The texts of a row's dimensions among `names`, joined with " · " (the series or the detail of a row). */
export function dimensionsText(
  aggregate: ModelAggregate,
  names: string[],
  row: AggregateRow,
  model: PageModel,
): string {
  const parts: string[] = [];
  for (const name of names) {
    const d = aggregate.dimensions.find((x) => x.name === name);
    if (!d) continue;
    const column: Column = { id: d.field, label: d.label, source: "dimension", field: d.field, kind: d.kind };
    if (d.kind === "place") column.part = "name";
    if (d.enumType) column.enumType = d.enumType;
    parts.push(cellOf(row, column, model).text);
  }
  return parts.join(" · ");
}

/** The values of a row's dimensions among `names` (a place by its code), as one key. */
export function dimensionsKey(aggregate: ModelAggregate, names: string[], row: AggregateRow): string {
  const parts: unknown[] = [];
  for (const name of names) {
    const d = aggregate.dimensions.find((x) => x.name === name);
    if (!d) continue;
    const raw = row[d.field];
    parts.push(d.kind === "place" ? ((raw as { code?: unknown } | null | undefined)?.code ?? null) : (raw ?? null));
  }
  return JSON.stringify(parts);
}

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

/**
 * The page's control an input fault's path names (`extensions.fields[].path`): `groupBy.1` is
 * the second dimension, `filter.kinds.0` the kinds filter, `orderBy.0.by` the sort; null when
 * the path names none.
 */
export function controlOfPath(path: string): string | null {
  const parts = path.split(".");
  const head = parts[0];
  if (head === "unitCode") return "unit";
  if (head === "asOf") return "as-of";
  if (head === "year" || head === "from" || head === "to" || head === "first") return head;
  if (head === "groupBy") {
    const i = Number(parts[1]);
    return Number.isInteger(i) && i >= 0 && i < 4 ? `dim-${i + 1}` : "dim-1";
  }
  if (head === "orderBy") return parts[2] === "direction" ? "direction" : "sort";
  if (head === "filter" && parts[1]) return `filter-${parts[1]}`;
  return null;
}

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
