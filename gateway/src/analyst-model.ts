/**
 * What the analyst page's script is given and gets back: the aggregates and words the page
 * writes into `data-model` (analyst-page.ts's `pageModel`), and a row of an aggregate's answer.
 * The logic that reads them (analyst-question.ts, analyst-table.ts, analyst-chart.ts,
 * analyst-ranking.ts, analyst-coverage.ts) runs in the browser too, as /analyst/analyst-logic.js
 * (analyst-logic.ts).
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
  /** Takes `map: UnitMap` (the page sends the map picked). */
  map: boolean;
  /** Answers `coverage` (the page asks for it and shows it above the table). */
  coverage: boolean;
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
  /** "{count}": the warning over figures whose territory has communes without records (old Kiên Giang's). */
  coverageIncomplete: string;
  /** The same warning when one commune has none. */
  coverageIncompleteOne: string;
  /** "{units}": the note over figures that count communes split in 2025 whole. */
  coverageApproximate: string;
}

/** What the page's script receives (`data-model`): every aggregate, every enum's labels, the words. */
export interface PageModel {
  aggregates: ModelAggregate[];
  enums: Record<string, { value: string; label: string }[]>;
  words: ModelWords;
}

/** A row of an aggregate's answer, as the graph sends it. */
export type AggregateRow = Record<string, unknown>;

/** A unit as the answer names it. */
export interface UnitName {
  code: string;
  name: string;
}

/** An aggregate's `coverage`, as the graph sends it (FigureCoverage). */
export interface AggregateCoverage {
  complete: boolean;
  approximate: boolean;
  uncoveredUnits: UnitName[];
  countedWholeUnits: UnitName[];
}
