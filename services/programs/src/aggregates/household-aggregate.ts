import { communesIn, kitMessage, type FieldProblem } from "@danvan/kit";
import { unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { AreaType } from "../households/area-type.js";
import { PovertyStatus } from "../poverty/poverty-status.js";
import { inList } from "../units.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { checkAggregate, communePlaces, inFilter } from "./aggregate-arguments.js";
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
 * figures. The unit is checked by the caller.
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
  const communes = communesIn(args.unitCode);
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
      DISTRICT: { value: "s.district_code", fromPlace: true },
      COMMUNE: { value: "t.commune_code" },
      AREA: { value: "t.area", order: Object.values(AreaType) },
      POVERTY_STATUS: { value: "t.status", order: Object.values(PovertyStatus) },
      MEMBER_COUNT: { value: "t.member_count" },
    },
    measures: { households: "SUM(t.households)", people: "SUM(t.people)" },
    countedBy: "households",
    place: communePlaces(ctx.ds, communes, "t.commune_code"),
  };
  const { rows, totalRows } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    rows: rows.map(({ dimensions: d, measures: m }): HouseholdAggregateRow => ({
      district: d.DISTRICT != null ? unitRef(String(d.DISTRICT)) : null,
      commune: d.COMMUNE != null ? unitRef(String(d.COMMUNE)) : null,
      area: d.AREA != null ? (String(d.AREA) as AreaType) : null,
      povertyStatus: d.POVERTY_STATUS != null ? (String(d.POVERTY_STATUS) as PovertyStatus) : null,
      memberCount: d.MEMBER_COUNT != null ? Number(d.MEMBER_COUNT) : null,
      households: Number(m.households),
      people: Number(m.people),
    })),
  };
}
