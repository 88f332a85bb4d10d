import type { DataSource } from "typeorm";
import { placeholders, subtreeCodes, valuesTable, vndOf, type FigureUnit } from "@danvan/kit";
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
 * version, keyed `code@validFrom`) is joined to every unit of its territory through time (its
 * units below and its predecessors') through a VALUES table.
 */
export async function modelStatisticsFor(
  ds: DataSource,
  units: readonly FigureUnit[],
  year: number | null,
): Promise<ModelStatistics[]> {
  const cells = new Map<string, Cell[]>(units.map((u) => [figureKey(u), []]));
  const pairs = units.flatMap((u) => subtreeCodes(u.code, u.validFrom).map((c) => [figureKey(u), c]));
  if (pairs.length > 0) {
    const scope = valuesTable(ds, pairs, "s", ["unit_code", "member_code"]);
    const sql = `SELECT s.unit_code AS unit_code, m.field AS field, m.status AS status,
        COUNT(*) AS n, SUM(m.resources_mobilised_vnd) AS resources
      FROM ${scope.sql} JOIN mobilisation_model m ON m.unit_code = s.member_code
      ${year === null ? "" : "WHERE m.year = ?"}
      GROUP BY s.unit_code, m.field, m.status`;
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
