import type { DataSource } from "typeorm";
import { windowsOf, type FigureUnit } from "@danvan/kit";
import { coverageFor, figureRef } from "../figure-units.js";
import { raisedAndSpent } from "../fund/fund-figures.js";
import { handedOverHouses } from "../houses/house-figures.js";
import { visitsByCommune } from "../support/support-figures.js";
import { inUnitWindows, type MapSide } from "../period.js";
import type { FundSummary, FundYear } from "./fund-summary.type.js";

/** Per unit (or commune), year and side of the 2025 reorganisation: what the period's aggregate statements return. */
export interface PeriodFigures {
  raised: Map<string, bigint>;
  spent: Map<string, bigint>;
  visits: Map<string, number>;
  events: Map<string, number>;
  built: Map<string, number>;
  repaired: Map<string, number>;
  years: number[];
}

const key = (code: string, year: number, side: MapSide) => `${code}:${year}:${side}`;

/**
 * All figures of a period for the whole province, grouped by unit or commune and year (a few
 * thousand rows at most); any unit's summary is then a sum over its subtree. Whole years come
 * from the exact year tallies kept with every write; only the partial months at either end of
 * the period are aggregated from the ledger, the support events and the houses. One call serves
 * every unit a request asks about (fund-summary.loader.ts).
 */
export async function periodFigures(ds: DataSource, from: string, to: string): Promise<PeriodFigures> {
  const [money, visits, houses] = await Promise.all([
    raisedAndSpent(ds, from, to),
    visitsByCommune(ds, from, to),
    handedOverHouses(ds, from, to),
  ]);
  const f: PeriodFigures = {
    raised: new Map(),
    spent: new Map(),
    visits: new Map(),
    events: new Map(),
    built: new Map(),
    repaired: new Map(),
    years: [],
  };
  const years = new Set<number>();
  const add = <V>(m: Map<string, V>, code: string, year: number, side: MapSide, v: V, plus: (a: V, b: V) => V) => {
    const k = key(code, year, side);
    m.set(k, m.has(k) ? plus(m.get(k)!, v) : v);
    years.add(year);
  };
  for (const r of money) {
    if (r.raisedVnd !== 0n) add(f.raised, r.unitCode, r.year, r.side, r.raisedVnd, (a, b) => a + b);
    if (r.spentVnd !== 0n) add(f.spent, r.unitCode, r.year, r.side, r.spentVnd, (a, b) => a + b);
  }
  for (const r of visits) {
    add(f.visits, r.communeCode, r.year, r.side, r.visits, (a, b) => a + b);
    add(f.events, r.communeCode, r.year, r.side, r.events, (a, b) => a + b);
  }
  for (const h of houses) {
    const target = h.kind === "NEW" ? f.built : f.repaired;
    const k = key(h.communeCode, h.year, h.side);
    target.set(k, (target.get(k) ?? 0) + h.n);
    years.add(h.year);
  }
  f.years = [...years].sort((a, b) => a - b);
  return f;
}

/**
 * Sums the period's figures over a unit's territory through time (its units below and, for a unit
 * formed from others, theirs: a 2025 commune's predecessors' funds and communes), in total and by
 * year; a code's figures of a year count where the unit's windows hold that code on that side of the
 * 2025 reorganisation (30307's from 2025-07-01 are Phường Long Xuyên's, never Phường Mỹ Hòa's).
 */
export function summaryFor(unit: FigureUnit, from: string, to: string, f: PeriodFigures): FundSummary {
  const unitWindows = windowsOf(unit, ["PROVINCE", "DISTRICT", "COMMUNE"]);
  const communeWindows = windowsOf(unit);
  const codes = (windows: typeof unitWindows) => [...new Set(windows.map((w) => w.code))];
  const units = codes(unitWindows);
  const communes = codes(communeWindows);
  const SIDES: MapSide[] = [0, 1];
  const byYear: FundYear[] = f.years.map((year) => {
    const cells = (list: string[], windows: typeof unitWindows) =>
      list.flatMap((c) =>
        SIDES.filter((side) => inUnitWindows(windows, c, year, side)).map((side) => key(c, year, side)),
      );
    const unitCells = cells(units, unitWindows);
    const communeCells = cells(communes, communeWindows);
    const sumBig = (m: Map<string, bigint>, keys: string[]) => keys.reduce((s, k) => s + (m.get(k) ?? 0n), 0n);
    const sum = (m: Map<string, number>, keys: string[]) => keys.reduce((s, k) => s + (m.get(k) ?? 0), 0);
    return {
      year,
      raisedVnd: sumBig(f.raised, unitCells),
      spentVnd: sumBig(f.spent, unitCells),
      housesBuilt: sum(f.built, communeCells),
      housesRepaired: sum(f.repaired, communeCells),
      supportVisits: sum(f.visits, communeCells),
      supportEvents: sum(f.events, communeCells),
    };
  });
  return {
    unit: figureRef(unit),
    from,
    to,
    raisedVnd: byYear.reduce((s, y) => s + y.raisedVnd, 0n),
    spentVnd: byYear.reduce((s, y) => s + y.spentVnd, 0n),
    housesBuilt: byYear.reduce((s, y) => s + y.housesBuilt, 0),
    housesRepaired: byYear.reduce((s, y) => s + y.housesRepaired, 0),
    supportVisits: byYear.reduce((s, y) => s + y.supportVisits, 0),
    supportEvents: byYear.reduce((s, y) => s + y.supportEvents, 0),
    byYear: byYear.filter((y) => y.raisedVnd || y.spentVnd || y.housesBuilt || y.housesRepaired || y.supportEvents),
    coverage: coverageFor(unit),
  };
}
