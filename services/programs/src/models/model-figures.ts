import type { DataSource } from "typeorm";
import { placeholders, valuesTable, vndOf, WINDOW_COLUMNS, windowJoin, windowRows, type FigureUnit } from "@danvan/kit";
import { coverageFor, figureKey, figureRef } from "../figure-units.js";
import { MobilisationField, ModelStatus } from "./model-enums.js";
import type { ModelStatistics } from "./model-statistics.type.js";

/** The models' SQL aggregate, read through the loaders (model.loader.ts). */

interface Cell {
  field: string;
  status: string;
  n: number;
  resources: bigint;
}

/**
 * Counts by field and state for many units in one aggregate statement. Models sit at any
 * level (a province model, a district model, a commune model), so each requested unit (one
 * version, keyed `code@validFrom`) is joined to every unit version of its territory through time
 * (its units below and its predecessors') with its validity, through a VALUES table: a model counts
 * where its unit was in force on the day it was registered.
 */
export async function modelStatisticsFor(
  ds: DataSource,
  units: readonly FigureUnit[],
  year: number | null,
): Promise<ModelStatistics[]> {
  const cells = new Map<string, Cell[]>(units.map((u) => [figureKey(u), []]));
  const windows = windowRows(
    units.map((u) => ({ key: figureKey(u), unit: u })),
    ["PROVINCE", "DISTRICT", "COMMUNE"],
  );
  if (windows.length > 0) {
    const scope = valuesTable(ds, windows, "s", WINDOW_COLUMNS);
    const sql = `SELECT s.unit_key AS unit_code, m.field AS field, m.status AS status,
        COUNT(*) AS n, SUM(m.resources_mobilised_vnd) AS resources
      FROM ${scope.sql} JOIN mobilisation_model m ON ${windowJoin(ds.options.type === "postgres", "m.unit_code", "m.registered_on")}
      ${year === null ? "" : "WHERE m.year = ?"}
      GROUP BY s.unit_key, m.field, m.status`;
    const rows = (await ds.query(placeholders(ds, sql), [...scope.params, ...(year === null ? [] : [year])])) as {
      unit_code: string;
      field: string;
      status: string;
      n: string | number;
      resources: string | number | null;
    }[];
    for (const r of rows) {
      cells.get(r.unit_code)?.push({ field: r.field, status: r.status, n: Number(r.n), resources: vndOf(r.resources) });
    }
  }
  return units.map((unit) => {
    const mine = cells.get(figureKey(unit))!;
    const count = (keep: (c: Cell) => boolean) => mine.filter(keep).reduce((s, c) => s + c.n, 0);
    return {
      unit: figureRef(unit),
      year,
      total: count(() => true),
      resourcesMobilisedVnd: mine.reduce((s, c) => s + c.resources, 0n),
      byField: Object.values(MobilisationField).map((field) => ({ field, count: count((c) => c.field === field) })),
      byStatus: Object.values(ModelStatus).map((status) => ({ status, count: count((c) => c.status === status) })),
      coverage: coverageFor(unit),
    };
  });
}
