/**
 * The analyst page's table: its columns and cells in the page's language, the CSV of it, and a
 * row's dimensions as text or as a key and a measure as a number (for the chart and the ranking).
 *
 * These functions run in the browser (analyst-logic.ts serves them from their own compiled
 * source): each uses nothing but its arguments, the language's built-ins and the other functions
 * of LOGIC_FUNCTIONS, by name.
 */
import type { DimensionKind, MeasureKind } from "./analyst-aggregates.js";
import type { AggregateRow, ModelAggregate, ModelWords, PageModel } from "./analyst-model.js";

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
 *
 * `notes` (the coverage's, analyst-coverage.ts) come first, before the header, each a line of
 * one field that starts with "# " (quoted, as any field, when it holds a comma or a quote): the
 * figures never travel without them, and a reader that skips comment lines (pandas'
 * `comment="#"`, R's `comment.char = "#"`) reads the table alone.
 */
export function csvOf(columns: Column[], rows: AggregateRow[], model: PageModel, notes: string[] = []): string {
  const lines = notes.map((note) => csvField(`# ${note}`));
  lines.push(columns.map((c) => csvField(c.label)).join(","));
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
