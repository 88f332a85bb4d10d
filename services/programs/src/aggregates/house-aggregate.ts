import { figureUnit, vndOf, windowCodes, windowsOf, windowsSql } from "@danvan/kit";
import { timeBucketSql } from "@danvan/kit/aggregates";
import type { ProgramsContext } from "../context.js";
import { HouseStatus, HouseWorkKind } from "../houses/house-enums.js";
import { CURRENT_STEP_ON } from "../houses/house-figures.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { aggregateCoverage, checkAggregate, inFilter, periodProblems } from "./aggregate-arguments.js";
import { PLACE, placeRef, unitPlaces } from "./unit-places.js";
import { UnitMap } from "@danvan/kit/federation";
import { runGrouping, type GroupedFacts } from "./grouped-statement.js";
import {
  HouseAggregateField,
  HouseDimension,
  type HouseAggregate,
  type HouseAggregateArgs,
  type HouseAggregateRow,
} from "./house-aggregate.type.js";

type Measure = "houses" | "costVnd" | "fundVnd";
const MEASURE_OF: Partial<Record<HouseAggregateField, Measure>> = {
  HOUSES: "houses",
  COST_VND: "costVnd",
  FUND_VND: "fundVnd",
};

const STEP_ON = `(${CURRENT_STEP_ON})`;

/**
 * Great Solidarity houses of a unit and the units below it, grouped: one statement over the
 * houses themselves (27,000 at full scale), each counted in its current state and, with a
 * period, only when it reached that state within it — the houses houseStatistics(from, to)
 * counts, so the rows add up to its total. The unit (the one its code names now) is checked by
 * the caller; a house is placed on the map of the day it reached its state, or today's.
 */
export async function houseAggregateOf(ctx: ProgramsContext, args: HouseAggregateArgs): Promise<HouseAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    [...periodProblems(args.from, args.to), ...filterListProblems(args.filter)],
  );
  const unit = figureUnit(args.unitCode);
  const map = args.map ?? UnitMap.AS_RECORDED;
  const windows = windowsOf(unit);
  const communes = windowCodes(windows);
  const statuses = inFilter("h.status", args.filter?.statuses);
  const kinds = inFilter("h.kind", args.filter?.workKinds);
  // A house is the unit's when proposed at one of its commune versions while in force (its code is that day's).
  const windowParams: string[] = [];
  const inScope = windowsSql(windows, "h.commune_code", "h.proposed_on", (v) => {
    windowParams.push(v);
    return "?";
  });
  const facts: GroupedFacts<HouseDimension, Measure> = {
    source: `FROM solidarity_house h
      WHERE ${inScope}${args.from ? ` AND ${STEP_ON} >= ?` : ""}${args.to ? ` AND ${STEP_ON} <= ?` : ""}${statuses.sql}${kinds.sql}`,
    params: [
      ...windowParams,
      ...(args.from ? [args.from] : []),
      ...(args.to ? [args.to] : []),
      ...statuses.params,
      ...kinds.params,
    ],
    dimensions: {
      ...PLACE,
      MONTH: { value: timeBucketSql("MONTH", STEP_ON) },
      QUARTER: { value: timeBucketSql("QUARTER", STEP_ON) },
      YEAR: { value: timeBucketSql("YEAR", STEP_ON) },
      STATUS: { value: "h.status", order: Object.values(HouseStatus) },
      WORK_KIND: { value: "h.kind", order: Object.values(HouseWorkKind) },
    },
    measures: {
      houses: "COUNT(*)",
      costVnd: "SUM(h.fund_amount_vnd + h.sponsor_amount_vnd + h.family_amount_vnd)",
      fundVnd: "SUM(h.fund_amount_vnd)",
    },
    countedBy: "houses",
    place: unitPlaces(
      ctx.ds,
      communes,
      "h.commune_code",
      { sql: STEP_ON },
      { map, flagged: args.groupBy.includes(HouseDimension.COMMUNE) },
    ),
  };
  const { rows, totalRows, flagged } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    coverage: aggregateCoverage(unit, map, flagged, communes),
    rows: rows.map(({ dimensions: d, measures: m }): HouseAggregateRow => ({
      district: placeRef(d.DISTRICT),
      commune: placeRef(d.COMMUNE),
      month: d.MONTH != null ? String(d.MONTH) : null,
      quarter: d.QUARTER != null ? String(d.QUARTER) : null,
      year: d.YEAR != null ? String(d.YEAR) : null,
      status: d.STATUS != null ? (String(d.STATUS) as HouseStatus) : null,
      workKind: d.WORK_KIND != null ? (String(d.WORK_KIND) as HouseWorkKind) : null,
      houses: Number(m.houses),
      costVnd: vndOf(m.costVnd),
      fundVnd: vndOf(m.fundVnd),
    })),
  };
}
