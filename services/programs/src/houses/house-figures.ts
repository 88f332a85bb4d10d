import type { DataSource } from "typeorm";
import { placeholders, valuesTable, WINDOW_COLUMNS, windowJoin, windowRows, type FigureUnit } from "@danvan/kit";
import { coverageFor, figureKey, figureRef } from "../figure-units.js";
import { HouseStatus, HouseWorkKind } from "./house-enums.js";
import type { HouseStatistics } from "./house-statistics.type.js";
import { overPeriod, yearOfDateColumn, type MapSide } from "../period.js";

/** The houses' SQL aggregates, read through the loaders (house.loader.ts) and by the fund summary. */

const YEAR_HANDED_OVER = yearOfDateColumn("handed_over_on");

/**
 * Houses handed over in [from, to] per commune, year and kind (fund summaries): whole years from
 * the hand-over tally, the partial months at either end from the houses themselves.
 */
export async function handedOverHouses(
  ds: DataSource,
  from: string,
  to: string,
): Promise<{ communeCode: string; year: number; side: MapSide; kind: "NEW" | "REPAIR"; n: number }[]> {
  const q = (sql: string, params: unknown[]) =>
    ds.query(placeholders(ds, sql), params) as Promise<
      { commune_code: string; y: string | number; kind: "NEW" | "REPAIR"; n: string | number }[]
    >;
  const rows = await overPeriod(
    from,
    to,
    (first, last) =>
      q(`SELECT commune_code, year AS y, kind, handed_over AS n FROM house_tally WHERE year >= ? AND year <= ?`, [
        first,
        last,
      ]),
    (a, b) =>
      q(
        `SELECT commune_code, ${YEAR_HANDED_OVER} AS y, kind, COUNT(*) AS n FROM solidarity_house
          WHERE status = ? AND handed_over_on >= ? AND handed_over_on <= ?
          GROUP BY commune_code, ${YEAR_HANDED_OVER}, kind`,
        [HouseStatus.HANDED_OVER, a, b],
      ),
  );
  return rows.map((r) => ({
    communeCode: String(r.commune_code),
    year: Number(r.y),
    side: r.side,
    kind: r.kind,
    n: Number(r.n),
  }));
}

/** The date a house `h` reached the state it is in now (houseStatistics' period filters on it). */
export const CURRENT_STEP_ON = `CASE h.status
    WHEN '${HouseStatus.PROPOSED}' THEN h.proposed_on
    WHEN '${HouseStatus.APPROVED}' THEN h.approved_on
    WHEN '${HouseStatus.UNDER_CONSTRUCTION}' THEN h.construction_started_on
    WHEN '${HouseStatus.HANDED_OVER}' THEN h.handed_over_on
    ELSE h.cancelled_on END`;

export interface HousePeriod {
  from: string | null;
  to: string | null;
}

/**
 * Counts by state and kind for many units in one aggregate statement: each unit (one version,
 * keyed `code@validFrom`) is joined to the windows of its territory through time (a VALUES table
 * of commune versions with their validity), so a page of units costs what one unit costs.
 */
export async function houseStatisticsFor(
  ds: DataSource,
  units: readonly FigureUnit[],
  period: HousePeriod,
): Promise<HouseStatistics[]> {
  const counts = new Map<string, Map<string, number>>(units.map((u) => [figureKey(u), new Map()]));
  // A house is the unit's when it was proposed at one of the unit's commune versions while in force.
  const windows = windowRows(units.map((u) => ({ key: figureKey(u), unit: u })));
  if (windows.length > 0) {
    const scope = valuesTable(ds, windows, "s", WINDOW_COLUMNS);
    const conditions = [
      ...(period.from ? [`${CURRENT_STEP_ON} >= ?`] : []),
      ...(period.to ? [`${CURRENT_STEP_ON} <= ?`] : []),
    ];
    const sql = `SELECT s.unit_key AS unit_key, h.status AS status, h.kind AS kind, COUNT(*) AS n
      FROM ${scope.sql} JOIN solidarity_house h ON ${windowJoin(ds.options.type === "postgres", "h.commune_code", "h.proposed_on")}
      ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
      GROUP BY s.unit_key, h.status, h.kind`;
    const params = [...scope.params, ...(period.from ? [period.from] : []), ...(period.to ? [period.to] : [])];
    const rows = (await ds.query(placeholders(ds, sql), params)) as {
      unit_key: string;
      status: string;
      kind: string;
      n: string | number;
    }[];
    for (const r of rows) counts.get(r.unit_key)?.set(`${r.status}:${r.kind}`, Number(r.n));
  }
  return units.map((unit) => statisticsOf(unit, period, counts.get(figureKey(unit))!));
}

function statisticsOf(unit: FigureUnit, period: HousePeriod, n: Map<string, number>): HouseStatistics {
  const count = (status: HouseStatus | null, kind: HouseWorkKind | null) =>
    [...n.entries()]
      .filter(([key]) => {
        const [s, k] = key.split(":");
        return (status === null || s === status) && (kind === null || k === kind);
      })
      .reduce((sum, [, v]) => sum + v, 0);
  return {
    unit: figureRef(unit),
    from: period.from,
    to: period.to,
    total: count(null, null),
    byStatus: Object.values(HouseStatus).map((status) => ({ status, count: count(status, null) })),
    byKind: Object.values(HouseWorkKind).map((kind) => ({ kind, count: count(null, kind) })),
    coverage: coverageFor(unit),
  };
}
