import { figureUnit, inWindows, kitMessage, reviewDay, windowCodes, windowsOf, type FieldProblem } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { AreaType } from "../households/area-type.js";
import { PovertyStatus } from "../poverty/poverty-status.js";
import { inList } from "../units.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { aggregateCoverage, checkAggregate, inFilter } from "./aggregate-arguments.js";
import { reviewCoverage } from "../figure-units.js";
import { PLACE, placeRef, unitPlaces } from "./unit-places.js";
import { UnitMap } from "@danvan/kit/federation";
import { runGrouping, type GroupedFacts } from "./grouped-statement.js";
import {
  HouseholdAggregateField,
  HouseholdDimension,
  type HouseholdAggregate,
  type HouseholdAggregateArgs,
  type HouseholdAggregateFilter,
  type HouseholdAggregateRow,
} from "./household-aggregate.type.js";

type Measure = "households" | "people";
const MEASURE_OF: Partial<Record<HouseholdAggregateField, Measure>> = {
  HOUSEHOLDS: "households",
  PEOPLE: "people",
};

function argumentProblems(year: number, filter: HouseholdAggregateFilter | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // The review years povertyStatistics accepts.
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push({ path: "year", message: kitMessage("yearBetween", { min: 2000, max: 2100 }) });
  problems.push(...filterListProblems(filter));
  const min = filter?.memberCountMin;
  const max = filter?.memberCountMax;
  for (const [name, value] of [
    ["memberCountMin", min],
    ["memberCountMax", max],
  ] as const) {
    if (value != null && value < 1) problems.push({ path: `filter.${name}`, message: kitMessage("min", { min: 1 }) });
  }
  if (min != null && max != null && min >= 1 && max >= 1 && min > max)
    problems.push({ path: "filter.memberCountMin", message: programsMessage("memberCountAboveMax") });
  return problems;
}

/**
 * Households reviewed in `year` in a unit and the units below it, grouped: one statement over
 * the household-year tally (household_year_tally), whose rows add up to povertyStatistics'
 * figures. The unit (the one its code names now) is checked by the caller. The households of a
 * review year are placed on the map of the review (the year's last day) or today's.
 */
export async function householdAggregateOf(
  ctx: ProgramsContext,
  args: HouseholdAggregateArgs,
): Promise<HouseholdAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    argumentProblems(args.year, args.filter),
  );
  const f = args.filter;
  const unit = figureUnit(args.unitCode);
  const map = args.map ?? UnitMap.AS_RECORDED;
  // The communes of the unit's territory in force on the review's day (kit windows): district 883's
  // end-2025 figures hold none of 30307's, which from 2025-07-01 is Phường Long Xuyên's.
  const windows = windowsOf(unit);
  const communes = windowCodes(windows).filter((c) => inWindows(windows, c, reviewDay(args.year)));
  // No commune of the unit in force on the review's day (old An Giang at the end of 2025): no rows.
  if (communes.length === 0)
    return { totalRows: 0, coverage: aggregateCoverage(unit, map, false, [], reviewCoverage(args.year)), rows: [] };
  const areas = inFilter("t.area", f?.areas);
  const statuses = inFilter("t.status", f?.povertyStatuses);
  const facts: GroupedFacts<HouseholdDimension, Measure> = {
    source: `FROM household_year_tally t
      WHERE t.year = ? AND t.commune_code IN (${inList(communes)})${areas.sql}${statuses.sql}
      ${f?.memberCountMin != null ? "AND t.member_count >= ?" : ""} ${f?.memberCountMax != null ? "AND t.member_count <= ?" : ""}`,
    params: [
      args.year,
      ...communes,
      ...areas.params,
      ...statuses.params,
      ...(f?.memberCountMin != null ? [f.memberCountMin] : []),
      ...(f?.memberCountMax != null ? [f.memberCountMax] : []),
    ],
    dimensions: {
      ...PLACE,
      AREA: { value: "t.area", order: Object.values(AreaType) },
      POVERTY_STATUS: { value: "t.status", order: Object.values(PovertyStatus) },
      MEMBER_COUNT: { value: "t.member_count" },
    },
    measures: { households: "SUM(t.households)", people: "SUM(t.people)" },
    countedBy: "households",
    place: unitPlaces(
      ctx.ds,
      communes,
      "t.commune_code",
      { day: `${args.year}-12-31` },
      { map, flagged: args.groupBy.includes(HouseholdDimension.COMMUNE) },
    ),
  };
  const { rows, totalRows, flagged } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    coverage: aggregateCoverage(unit, map, flagged, communes, reviewCoverage(args.year)),
    rows: rows.map(({ dimensions: d, measures: m }): HouseholdAggregateRow => ({
      district: placeRef(d.DISTRICT),
      commune: placeRef(d.COMMUNE),
      area: d.AREA != null ? (String(d.AREA) as AreaType) : null,
      povertyStatus: d.POVERTY_STATUS != null ? (String(d.POVERTY_STATUS) as PovertyStatus) : null,
      memberCount: d.MEMBER_COUNT != null ? Number(d.MEMBER_COUNT) : null,
      households: Number(m.households),
      people: Number(m.people),
    })),
  };
}
