import { communesIn, vndOf } from "@danvan/kit";
import { timeBucketSql } from "@danvan/kit/aggregates";
import { unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { HouseStatus, HouseWorkKind } from "../houses/house-enums.js";
import { CURRENT_STEP_ON } from "../houses/house-figures.js";
import { inList } from "../units.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { checkAggregate, communePlaces, inFilter, periodProblems } from "./aggregate-arguments.js";
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
 * counts, so the rows add up to its total. The unit is checked by the caller.
 */
export async function houseAggregateOf(ctx: ProgramsContext, args: HouseAggregateArgs): Promise<HouseAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    [...periodProblems(args.from, args.to), ...filterListProblems(args.filter)],
  );
  const communes = communesIn(args.unitCode);
  const statuses = inFilter("h.status", args.filter?.statuses);
  const kinds = inFilter("h.kind", args.filter?.workKinds);
  const facts: GroupedFacts<HouseDimension, Measure> = {
    source: `FROM solidarity_house h
      WHERE h.commune_code IN (${inList(communes)})${args.from ? ` AND ${STEP_ON} >= ?` : ""}${args.to ? ` AND ${STEP_ON} <= ?` : ""}${statuses.sql}${kinds.sql}`,
    params: [
      ...communes,
      ...(args.from ? [args.from] : []),
      ...(args.to ? [args.to] : []),
      ...statuses.params,
      ...kinds.params,
    ],
    dimensions: {
      DISTRICT: { value: "s.district_code", fromPlace: true },
      COMMUNE: { value: "h.commune_code" },
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
    place: communePlaces(ctx.ds, communes, "h.commune_code"),
  };
  const { rows, totalRows } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    rows: rows.map(({ dimensions: d, measures: m }): HouseAggregateRow => ({
      district: d.DISTRICT != null ? unitRef(String(d.DISTRICT)) : null,
      commune: d.COMMUNE != null ? unitRef(String(d.COMMUNE)) : null,
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
