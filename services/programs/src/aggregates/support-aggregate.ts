import { figureUnit, windowCodes, windowsOf, windowsSql, type UnitWindow } from "@danvan/kit";
import { timeBucketSql } from "@danvan/kit/aggregates";
import type { ProgramsContext } from "../context.js";
import { PovertyStatus } from "../poverty/poverty-status.js";
import { splitPeriodByMonth } from "../period.js";
import { SupportFunding, supportEventSource, UNREVIEWED } from "../support/support-funding.js";
import { SupportKind } from "../support/support-kind.js";
import { vndOf } from "@danvan/kit";
import { filterListProblems } from "@danvan/kit/aggregates";
import { aggregateCoverage, checkAggregate, inFilter, periodProblems } from "./aggregate-arguments.js";
import { PLACE, placeRef, unitPlaces } from "./unit-places.js";
import { UnitMap } from "@danvan/kit/federation";
import { runGrouping, type GroupedFacts } from "./grouped-statement.js";
import {
  SupportAggregateField,
  SupportDimension,
  type SupportAggregate,
  type SupportAggregateArgs,
  type SupportAggregateFilter,
  type SupportAggregateRow,
} from "./support-aggregate.type.js";

type Measure = "events" | "amountVnd";
const MEASURE_OF: Partial<Record<SupportAggregateField, Measure>> = { EVENTS: "events", AMOUNT_VND: "amountVnd" };

/** The facts' columns, from the month rollup (`t`) or from the events themselves (supportEventSource). */
interface FactColumns {
  month: string;
  communeCode: string;
  kind: string;
  funding: string;
  recipientStatus: string;
}

/** The filters on one part of the facts. */
function filtered(
  columns: FactColumns,
  dateColumn: { column: string; granularity: "day" | "month" },
  windows: readonly UnitWindow[],
  filter: SupportAggregateFilter | null | undefined,
) {
  const parts = [
    inFilter(columns.kind, filter?.kinds),
    inFilter(columns.funding, filter?.fundingSources),
    inFilter(columns.recipientStatus, filter?.recipientStatuses),
  ];
  const params: unknown[] = [];
  // The unit's windows: an event counts where its commune was in force on its day (or month).
  const scope = windowsSql(
    windows,
    columns.communeCode,
    dateColumn.column,
    (v) => {
      params.push(v);
      return "?";
    },
    dateColumn.granularity,
  );
  return {
    sql: ` AND ${scope}${parts.map((p) => p.sql).join("")}`,
    params: [...params, ...parts.flatMap((p) => p.params)],
  };
}

/**
 * Support events in a unit and the units below it over a period, grouped: one statement whose
 * facts are the month rollup (support_month_tally) for the period's whole months and the events
 * themselves for the partial months at its ends, as fundSummary reads whole years from its tally;
 * its rows add up to fundSummary's supportEvents (its supportVisits when filtered to the published
 * kinds and recipients, support/published-visits.ts) and its support amounts. The unit (the one its
 * code names now) is checked by the caller; an event is placed on the map of its month or today's.
 */
export async function supportAggregateOf(ctx: ProgramsContext, args: SupportAggregateArgs): Promise<SupportAggregate> {
  checkAggregate(
    { groupBy: args.groupBy, orderBy: args.orderBy, first: args.first, measures: Object.keys(MEASURE_OF) },
    [...periodProblems(args.from, args.to), ...filterListProblems(args.filter)],
  );
  const unit = figureUnit(args.unitCode);
  const map = args.map ?? UnitMap.AS_RECORDED;
  const windows = windowsOf(unit);
  const communes = windowCodes(windows);
  const { months, edges } = splitPeriodByMonth(args.from, args.to);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (months) {
    const t: FactColumns = {
      month: "t.month",
      communeCode: "t.commune_code",
      kind: "t.kind",
      funding: "t.funding",
      recipientStatus: "t.recipient_status",
    };
    const where = filtered(t, { column: "t.month", granularity: "month" }, windows, args.filter);
    parts.push(`SELECT t.month AS month, t.commune_code AS commune_code, t.kind AS kind, t.funding AS funding,
        t.recipient_status AS recipient_status, t.events AS events, t.amount_vnd AS amount_vnd
      FROM support_month_tally t WHERE t.month >= ? AND t.month <= ? AND t.events > 0${where.sql}`);
    params.push(...months, ...where.params);
  }
  // The events of the partial months join their funds only when asked about them.
  const { from: events, key: k } = supportEventSource({
    funding: args.groupBy.includes(SupportDimension.FUNDING_SOURCE) || !!args.filter?.fundingSources?.length,
  });
  for (const [a, b] of edges) {
    const where = filtered(k, { column: "e.given_on", granularity: "day" }, windows, args.filter);
    parts.push(`SELECT ${k.month} AS month, ${k.communeCode} AS commune_code, ${k.kind} AS kind, ${k.funding} AS funding,
        ${k.recipientStatus} AS recipient_status, 1 AS events, e.amount_vnd AS amount_vnd
      FROM ${events} WHERE e.given_on >= ? AND e.given_on <= ?${where.sql}`);
    params.push(a, b, ...where.params);
  }
  const facts: GroupedFacts<SupportDimension, Measure> = {
    source: `FROM (${parts.join(" UNION ALL ")}) u`,
    params,
    dimensions: {
      ...PLACE,
      MONTH: { value: timeBucketSql("MONTH", "u.month") },
      QUARTER: { value: timeBucketSql("QUARTER", "u.month") },
      YEAR: { value: timeBucketSql("YEAR", "u.month") },
      KIND: { value: "u.kind", order: Object.values(SupportKind) },
      FUNDING_SOURCE: { value: "u.funding", order: Object.values(SupportFunding) },
      RECIPIENT_STATUS: {
        value: `CASE WHEN u.recipient_status = '${UNREVIEWED}' THEN NULL ELSE u.recipient_status END`,
        order: Object.values(PovertyStatus),
      },
    },
    measures: { events: "SUM(u.events)", amountVnd: "SUM(u.amount_vnd)" },
    countedBy: "events",
    place: unitPlaces(
      ctx.ds,
      communes,
      "u.commune_code",
      { month: "u.month" },
      { map, flagged: args.groupBy.includes(SupportDimension.COMMUNE) },
    ),
  };
  const { rows, totalRows, flagged } = await runGrouping(ctx.ds, facts, args, MEASURE_OF);
  return {
    totalRows,
    coverage: aggregateCoverage(unit, map, flagged, communes),
    rows: rows.map(({ dimensions: d, measures: m }): SupportAggregateRow => ({
      district: placeRef(d.DISTRICT),
      commune: placeRef(d.COMMUNE),
      month: d.MONTH != null ? String(d.MONTH) : null,
      quarter: d.QUARTER != null ? String(d.QUARTER) : null,
      year: d.YEAR != null ? String(d.YEAR) : null,
      kind: d.KIND != null ? (String(d.KIND) as SupportKind) : null,
      fundingSource: d.FUNDING_SOURCE != null ? (String(d.FUNDING_SOURCE) as SupportFunding) : null,
      recipientStatus: d.RECIPIENT_STATUS != null ? (String(d.RECIPIENT_STATUS) as PovertyStatus) : null,
      events: Number(m.events),
      amountVnd: vndOf(m.amountVnd),
    })),
  };
}
