import { figureUnit, vndOf, windowCodes, windowsOf, windowsSql, type UnitLevel as KitUnitLevel } from "@danvan/kit";
import { timeBucketSql } from "@danvan/kit/aggregates";
import type { ProgramsContext } from "../context.js";
import { ContributionForm, DonorKind } from "../fund/fund-enums.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { aggregateCoverage, checkAggregate, inFilter, periodProblems } from "./aggregate-arguments.js";
import { PLACE, placeRef, unitPlaces } from "./unit-places.js";
import { UnitMap } from "@danvan/kit/federation";
import { runGrouping, type GroupedFacts } from "./grouped-statement.js";
import {
  ContributionAggregateField,
  ContributionDimension,
  type ContributionAggregate,
  type ContributionAggregateArgs,
  type ContributionAggregateRow,
} from "./contribution-aggregate.type.js";
import { UnitLevel } from "./unit-level.js";

type Measure = "contributions" | "amountVnd";
const MEASURE_OF: Partial<Record<ContributionAggregateField, Measure>> = {
  CONTRIBUTIONS: "contributions",
  AMOUNT_VND: "amountVnd",
};

/**
 * Contributions received in a period by the funds of a unit and the units below it, grouped:
 * one statement over the contributions themselves (forty thousand rows at full scale; a
 * covering (unit, date, …) index reads each unit's period), attributed as fundSummary.raisedVnd attributes
 * them — to the receiving fund's unit, on the day received — so the rows add up to it. The unit
 * (the one its code names now: its funds and its predecessors') is checked by the caller; a
 * contribution is placed on the map of the day received, or today's.
 */
const ALL_LEVELS: readonly KitUnitLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

export async function contributionAggregateOf(
  ctx: ProgramsContext,
  args: ContributionAggregateArgs,
): Promise<ContributionAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    [...periodProblems(args.from, args.to), ...filterListProblems(args.filter)],
  );
  const levels = args.filter?.fundLevels;
  const unit = figureUnit(args.unitCode);
  const map = args.map ?? UnitMap.AS_RECORDED;
  const scope = windowCodes(windowsOf(unit, ALL_LEVELS));
  // The funds' unit versions of the unit's territory (of the levels asked for), each with its validity:
  // a contribution counts where its fund's unit was in force on the day received.
  const windows = windowsOf(unit, levels?.length ? (levels as readonly string[] as KitUnitLevel[]) : ALL_LEVELS);
  const units = windowCodes(windows);
  if (units.length === 0) return { rows: [], totalRows: 0, coverage: aggregateCoverage(unit, map, false, []) };
  const forms = inFilter("c.form", args.filter?.forms);
  const donors = inFilter("c.donor_kind", args.filter?.donorKinds);
  const windowParams: string[] = [];
  const inScope = windowsSql(windows, "c.unit_code", "c.received_on", (v) => {
    windowParams.push(v);
    return "?";
  });
  const facts: GroupedFacts<ContributionDimension, Measure> = {
    source: `FROM contribution c
      WHERE ${inScope} AND c.received_on >= ? AND c.received_on <= ?${forms.sql}${donors.sql}`,
    params: [...windowParams, args.from, args.to, ...forms.params, ...donors.params],
    dimensions: {
      ...PLACE,
      MONTH: { value: timeBucketSql("MONTH", "c.received_on") },
      QUARTER: { value: timeBucketSql("QUARTER", "c.received_on") },
      YEAR: { value: timeBucketSql("YEAR", "c.received_on") },
      FORM: { value: "c.form", order: Object.values(ContributionForm) },
      DONOR_KIND: { value: "c.donor_kind", order: Object.values(DonorKind) },
      FUND_LEVEL: { value: "s.level", order: Object.values(UnitLevel), fromPlace: true },
    },
    measures: { contributions: "COUNT(*)", amountVnd: "SUM(c.amount_vnd)" },
    countedBy: "contributions",
    // The receiving funds' units, with their district, commune (or none above it) and level, on either map.
    place: unitPlaces(
      ctx.ds,
      units,
      "c.unit_code",
      { sql: "c.received_on" },
      { map, flagged: args.groupBy.includes(ContributionDimension.COMMUNE) },
    ),
  };
  const { rows, totalRows, flagged } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    coverage: aggregateCoverage(unit, map, flagged, scope),
    rows: rows.map(({ dimensions: d, measures: m }): ContributionAggregateRow => ({
      district: placeRef(d.DISTRICT),
      commune: placeRef(d.COMMUNE),
      month: d.MONTH != null ? String(d.MONTH) : null,
      quarter: d.QUARTER != null ? String(d.QUARTER) : null,
      year: d.YEAR != null ? String(d.YEAR) : null,
      form: d.FORM != null ? (String(d.FORM) as ContributionForm) : null,
      donorKind: d.DONOR_KIND != null ? (String(d.DONOR_KIND) as DonorKind) : null,
      fundLevel: d.FUND_LEVEL != null ? (String(d.FUND_LEVEL) as UnitLevel) : null,
      contributions: Number(m.contributions),
      amountVnd: vndOf(m.amountVnd),
    })),
  };
}
