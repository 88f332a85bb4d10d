import { districtOf, subtreeCodes, unitByCode, valuesTable, vndOf } from "@danvan/kit";
import { timeBucketSql } from "@danvan/kit/aggregates";
import { unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { ContributionForm, DonorKind } from "../fund/fund-enums.js";
import { inList } from "../units.js";
import { filterListProblems } from "@danvan/kit/aggregates";
import { checkAggregate, inFilter, periodProblems } from "./aggregate-arguments.js";
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
 * is checked by the caller.
 */
export async function contributionAggregateOf(
  ctx: ProgramsContext,
  args: ContributionAggregateArgs,
): Promise<ContributionAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    [...periodProblems(args.from, args.to), ...filterListProblems(args.filter)],
  );
  const levels = args.filter?.fundLevels;
  const units = subtreeCodes(args.unitCode).filter(
    (u) => !levels?.length || levels.includes(unitByCode(u)!.level as UnitLevel),
  );
  if (units.length === 0) return { rows: [], totalRows: 0 };
  const forms = inFilter("c.form", args.filter?.forms);
  const donors = inFilter("c.donor_kind", args.filter?.donorKinds);
  const facts: GroupedFacts<ContributionDimension, Measure> = {
    source: `FROM contribution c
      WHERE c.unit_code IN (${inList(units)}) AND c.received_on >= ? AND c.received_on <= ?${forms.sql}${donors.sql}`,
    params: [...units, args.from, args.to, ...forms.params, ...donors.params],
    dimensions: {
      DISTRICT: { value: "NULLIF(s.district_code, '')", fromPlace: true },
      COMMUNE: { value: "NULLIF(s.commune_code, '')", fromPlace: true },
      MONTH: { value: timeBucketSql("MONTH", "c.received_on") },
      QUARTER: { value: timeBucketSql("QUARTER", "c.received_on") },
      YEAR: { value: timeBucketSql("YEAR", "c.received_on") },
      FORM: { value: "c.form", order: Object.values(ContributionForm) },
      DONOR_KIND: { value: "c.donor_kind", order: Object.values(DonorKind) },
      FUND_LEVEL: { value: "s.level", order: Object.values(UnitLevel), fromPlace: true },
    },
    measures: { contributions: "COUNT(*)", amountVnd: "SUM(c.amount_vnd)" },
    countedBy: "contributions",
    // The receiving funds' units, with their district, commune (or '' above it) and level.
    place: {
      key: "c.unit_code",
      table: valuesTable(
        ctx.ds,
        units.map((u) => {
          const level = unitByCode(u)!.level;
          return [u, districtOf(u) ?? "", level === "COMMUNE" ? u : "", level];
        }),
        "s",
        ["unit_code", "district_code", "commune_code", "level"],
      ),
      column: "unit_code",
    },
  };
  const { rows, totalRows } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    rows: rows.map(({ dimensions: d, measures: m }): ContributionAggregateRow => ({
      district: d.DISTRICT != null ? unitRef(String(d.DISTRICT)) : null,
      commune: d.COMMUNE != null ? unitRef(String(d.COMMUNE)) : null,
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
