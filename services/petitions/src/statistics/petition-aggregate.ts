import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  checkUnitArgument,
  figureUnit,
  kitMessage,
  placeholders,
  todayInProvince,
  type FigureUnit,
  type Identity,
} from "@danvan/kit";
import {
  aggregateRowLimit,
  cellViewOf,
  checkGrouping,
  declarationOrderSql,
  restrictedSql,
  type SortDirection,
  sortTerms,
  suppressSmallCells,
  timeBucketSql,
  visibleMeasureSql,
} from "@danvan/kit/aggregates";
import { figureCoverage, unitRef, UnitMap, type FigureCoverageShape } from "@danvan/kit/federation";
import type { AdministrativeUnitRef } from "@danvan/kit/federation";
import { OPEN_STATUSES } from "../lifecycle/index.js";
import { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";
import {
  PETITION_MEASURES,
  PetitionDimension,
  type PetitionAggregate,
  type PetitionAggregateFilter,
  type PetitionAggregateOrder,
  type PetitionAggregateRow,
  type PetitionMeasure,
} from "./petition-aggregate.type.js";
import { placeRowsOf, placesJoin } from "./aggregate-places.js";

export interface PetitionAggregateArgs {
  unitCode: string;
  from: string;
  to: string;
  groupBy: readonly PetitionDimension[];
  filter?: PetitionAggregateFilter | null;
  orderBy?: readonly PetitionAggregateOrder[] | null;
  first?: number | null;
  /** The map place dimensions use: as recorded (the default) or today's. */
  map?: UnitMap | null;
  /** False when the caller neither reads nor sorts by medianDaysToResolve: the median's work is skipped. */
  withMedian?: boolean;
}

/**
 * Each dimension's column in the statement, and how it is computed from a petition row. A place
 * also has a `_since` column beside it: the first day of the unit version it names.
 */
const COLUMN: Record<PetitionDimension, string> = {
  DISTRICT: "g_district",
  COMMUNE: "g_commune",
  MONTH: "g_month",
  QUARTER: "g_quarter",
  YEAR: "g_year",
  KIND: "g_kind",
  STATUS: "g_status",
  ON_TIME: "g_on_time",
};

const RESOLVED = `'${PetitionStatus.RESOLVED}'`;
const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");

/** The places table's alias in the statement (aggregate-places.ts). */
const PLACE = "place";
const SINCE = (column: string) => `${column}_since`;
const isPlace = (d: PetitionDimension) => d === PetitionDimension.DISTRICT || d === PetitionDimension.COMMUNE;

/**
 * A place dimension's code and version: as recorded, the commune version and the district version
 * of the petition's day (no district from 2025-07-01); on today's map, the 2025 commune it went
 * into (its version now) and no district.
 */
function placeSql(d: PetitionDimension, map: UnitMap): [code: string, since: string] {
  const none = "CAST(NULL AS VARCHAR(10))";
  if (d === PetitionDimension.DISTRICT)
    return map === UnitMap.TODAY
      ? [none, none]
      : [`NULLIF(${PLACE}.district, '')`, `NULLIF(${PLACE}.district_since, '')`];
  return map === UnitMap.TODAY ? [`${PLACE}.today`, none] : [`${PLACE}.code`, `${PLACE}.commune_since`];
}

/** The statement's columns of the grouping, with the SQL of each: a place dimension has two. */
function groupColumns(dims: readonly PetitionDimension[], map: UnitMap): [sql: string, column: string][] {
  return dims.flatMap((d): [string, string][] => {
    if (!isPlace(d)) return [[dimensionSql(d), COLUMN[d]]];
    const [code, since] = placeSql(d, map);
    return [
      [code, COLUMN[d]],
      [since, SINCE(COLUMN[d])],
    ];
  });
}

function dimensionSql(d: PetitionDimension): string {
  switch (d) {
    case PetitionDimension.DISTRICT:
    case PetitionDimension.COMMUNE:
      throw new Error("a place is grouped by placeSql");
    case PetitionDimension.MONTH:
    case PetitionDimension.QUARTER:
    case PetitionDimension.YEAR:
      return timeBucketSql(d, "p.received_on");
    case PetitionDimension.KIND:
      return "p.kind";
    case PetitionDimension.STATUS:
      return "p.status";
    case PetitionDimension.ON_TIME:
      // petitionStatistics' rule: resolved by the deadline, or with none to meet.
      return `CASE WHEN p.status = ${RESOLVED} THEN CASE WHEN p.due_on IS NULL OR p.closed_on <= p.due_on THEN 1 ELSE 0 END END`;
  }
}

/**
 * Places by code (then version), time ascending (the strings sort so), enums in declaration order,
 * false before true.
 */
function dimensionSortTerms(d: PetitionDimension, direction: "ASC" | "DESC"): string {
  if (d === PetitionDimension.KIND)
    return sortTerms(declarationOrderSql(COLUMN.KIND, Object.values(PetitionKind)), direction);
  if (d === PetitionDimension.STATUS)
    return sortTerms(declarationOrderSql(COLUMN.STATUS, Object.values(PetitionStatus)), direction);
  if (isPlace(d)) return `${sortTerms(COLUMN[d], direction)}, ${sortTerms(SINCE(COLUMN[d]), direction)}`;
  return sortTerms(COLUMN[d], direction);
}

const MEASURE_COLUMN: Record<PetitionMeasure, string> = {
  RECEIVED: "received",
  RESOLVED: "resolved",
  RESOLVED_ON_TIME: "resolved_on_time",
  OVERDUE: "overdue",
  ACCEPTED_LATE: "accepted_late",
  FORWARDED: "forwarded",
  FORWARD_OVERDUE: "forward_overdue",
  MEDIAN_DAYS_TO_RESOLVE: "median_days",
};

const isMeasure = (by: string): by is PetitionMeasure => (PETITION_MEASURES as readonly string[]).includes(by);

/**
 * The `grouped` CTE (with those it needs) over `base`: the counts as petitionStatistics counts
 * them and, when asked for, the median days to resolve. The median comes from each group's
 * histogram of days to resolve (a cell per day; unresolved petitions in a cell of their own, d
 * null), small beside the rows: a running count over it (a window function) finds the middle one
 * or two, as petitionStatistics' median does.
 */
function figuresSql(cols: readonly string[], param: (v: unknown) => string, withMedian: boolean): string {
  const dims = cols.map((c) => `${c}, `).join("");
  const groupBy = (extra: string[] = []) =>
    cols.length + extra.length ? ` GROUP BY ${[...cols, ...extra].join(", ")}` : "";
  const counts = `COUNT(*) AS n,
      SUM(CASE WHEN st = ${RESOLVED} THEN 1 ELSE 0 END) AS resolved,
      SUM(CASE WHEN st = ${RESOLVED} AND (due IS NULL OR closed <= due) THEN 1 ELSE 0 END) AS resolved_on_time,
      SUM(CASE WHEN (st IN (${OPEN}) AND due < ${param(todayInProvince())}) OR (st = ${RESOLVED} AND closed > due) THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN accepted > accept_due THEN 1 ELSE 0 END) AS accepted_late,
      SUM(CASE WHEN fwd_on IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
      SUM(CASE WHEN (fwd_answered IS NULL AND fwd_due < ${param(todayInProvince())}) OR fwd_answered > fwd_due THEN 1 ELSE 0 END) AS forward_overdue`;
  if (!withMedian)
    return `grouped AS (SELECT ${dims}${counts.replace("COUNT(*) AS n", "COUNT(*) AS received")},
      CAST(NULL AS INTEGER) AS median_days FROM base${groupBy()})`;
  const resolvedDays = `CASE WHEN st = ${RESOLVED} THEN days END`;
  const cells = `SELECT ${dims}${resolvedDays} AS d, ${counts} FROM base${groupBy([resolvedDays])}`;
  const partition = cols.length ? `PARTITION BY ${cols.join(", ")}` : "";
  const resolvedIn = "CASE WHEN d IS NULL THEN 0 ELSE n END";
  // k is a whole number on both databases (PostgreSQL sums a count as numeric), so (k + 1) / 2 divides as integers.
  const ranked = `SELECT cells.*,
      SUM(${resolvedIn}) OVER (${partition} ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,
      CAST(SUM(${resolvedIn}) OVER (${partition}) AS INTEGER) AS k
    FROM cells`;
  const middle = (at: string) => `MIN(CASE WHEN d IS NOT NULL AND upto >= ${at} THEN d END)`;
  const grouped = `SELECT ${dims}SUM(n) AS received, SUM(resolved) AS resolved,
      SUM(resolved_on_time) AS resolved_on_time, SUM(overdue) AS overdue, SUM(accepted_late) AS accepted_late,
      SUM(forwarded) AS forwarded, SUM(forward_overdue) AS forward_overdue,
      (${middle("(k + 1) / 2")} + ${middle("(k + 2) / 2")}) / 2.0 AS median_days
    FROM ranked${groupBy()}`;
  return `cells AS (${cells}), ranked AS (${ranked}), grouped AS (${grouped})`;
}

/** The period and grouping's faults, by path (BAD_USER_INPUT), and an unknown unit (NOT_FOUND). */
export function checkPetitionAggregateArgs(args: PetitionAggregateArgs): void {
  checkUnitArgument(args.unitCode);
  if (args.from > args.to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
  checkGrouping({
    groupBy: args.groupBy,
    orderBy: args.orderBy,
    first: args.first,
    measures: PETITION_MEASURES,
    filter: args.filter,
  });
}

/**
 * Petitions received in [from, to] in a unit and the units below it, grouped in one SQL
 * statement on both databases (figuresSql), sorted in SQL, the number of groups counted by
 * `COUNT(*) OVER ()` before `first`; the caller's small cells suppressed (the kit's cell-view.ts).
 */
export async function petitionAggregate(
  ds: DataSource,
  identity: Identity,
  args: PetitionAggregateArgs,
): Promise<PetitionAggregate> {
  checkPetitionAggregateArgs(args);
  const params: unknown[] = [];
  const param = (v: unknown) => (params.push(v), "?");
  const list = (values: readonly unknown[]) => values.map(param).join(", ");

  // The unit the code names now, its territory through time: each commune version while in force.
  const unit = figureUnit(args.unitCode);
  const map = args.map ?? UnitMap.AS_RECORDED;
  const places = placeRowsOf(unit);
  const dims = args.groupBy;
  const grouping = groupColumns(dims, map);
  const cols = grouping.map(([, c]) => c);
  const days =
    ds.options.type === "postgres"
      ? "(p.closed_on - p.received_on)"
      : "CAST(julianday(p.closed_on) - julianday(p.received_on) AS INTEGER)";

  // The places table joins first in the statement, so its values are bound first.
  const join = placesJoin(ds, places, PLACE);
  join.params.forEach(param);
  const where = [`p.received_on >= ${param(args.from)}`, `p.received_on <= ${param(args.to)}`];
  const { kinds, statuses } = args.filter ?? {};
  if (kinds) where.push(kinds.length ? `p.kind IN (${list(kinds)})` : "1 = 0");
  if (statuses) where.push(statuses.length ? `p.status IN (${list(statuses)})` : "1 = 0");

  const base = `SELECT ${grouping.map(([sql, c]) => `${sql} AS ${c}, `).join("")}
      p.status AS st, p.due_on AS due, p.closed_on AS closed, ${days} AS days,
      p.accepted_on AS accepted, p.acceptance_due_on AS accept_due, p.forwarded_on AS fwd_on,
      p.forward_follow_up_due_on AS fwd_due, p.forward_answered_on AS fwd_answered
    FROM petition p ${join.sql} WHERE ${where.join(" AND ")}`;
  const sortsByMedian = (args.orderBy ?? []).some((o) => (o.by as string) === "MEDIAN_DAYS_TO_RESOLVE");
  const figuresCtes = figuresSql(cols, param, args.withMedian !== false || sortsByMedian);
  const placeColumns = dims.filter(isPlace).map((d) => COLUMN[d]);
  const viewed = `SELECT grouped.*, ${restrictedSql(cellViewOf(identity, args.unitCode), placeColumns, param)} AS restricted FROM grouped`;

  const order: string[] = [];
  for (const o of args.orderBy ?? []) {
    const direction = (o.direction ?? "DESC") as SortDirection;
    order.push(
      isMeasure(o.by)
        ? sortTerms(visibleMeasureSql(MEASURE_COLUMN[o.by], MEASURE_COLUMN.RECEIVED), direction)
        : dimensionSortTerms(o.by as string as PetitionDimension, direction),
    );
  }
  for (const d of dims) {
    if (!(args.orderBy ?? []).some((o) => (o.by as string) === d)) order.push(dimensionSortTerms(d, "ASC"));
  }

  const sql = `WITH base AS (${base}), ${figuresCtes}, viewed AS (${viewed})
    SELECT viewed.*, COUNT(*) OVER () AS total_rows FROM viewed
    ${order.length ? `ORDER BY ${order.join(", ")}` : ""} LIMIT ${param(aggregateRowLimit(args.first))}`;
  const found = (await ds.query(placeholders(ds, sql), params)) as Record<string, string | number | null>[];

  const measures = [
    "received",
    "resolved",
    "resolvedOnTime",
    "overdue",
    "acceptedLate",
    "forwarded",
    "forwardOverdue",
    "medianDaysToResolve",
  ] as const;
  const count = (v: string | number | null) => Number(v ?? 0);
  const rows = found.map((r): PetitionAggregateRow => {
    const text = (d: PetitionDimension) => (dims.includes(d) && r[COLUMN[d]] != null ? String(r[COLUMN[d]]) : null);
    const figures = {
      received: count(r.received),
      resolved: count(r.resolved),
      resolvedOnTime: count(r.resolved_on_time),
      overdue: count(r.overdue),
      acceptedLate: count(r.accepted_late),
      forwarded: count(r.forwarded),
      forwardOverdue: count(r.forward_overdue),
      medianDaysToResolve: r.median_days == null ? null : Number(r.median_days),
    };
    const shown =
      Number(r.restricted) === 1
        ? suppressSmallCells([figures], "received", measures)[0]!
        : { ...figures, suppressed: false };
    // A place is the version its row names (on today's map, the 2025 commune as it is now).
    const place = (d: PetitionDimension) => {
      const code = text(d);
      const since = r[SINCE(COLUMN[d])];
      return code ? unitRef(code, since == null ? null : String(since).slice(0, 10)) : null;
    };
    const onTime = text(PetitionDimension.ON_TIME);
    return {
      district: place(PetitionDimension.DISTRICT),
      commune: place(PetitionDimension.COMMUNE),
      month: text(PetitionDimension.MONTH),
      quarter: text(PetitionDimension.QUARTER),
      year: text(PetitionDimension.YEAR),
      kind: text(PetitionDimension.KIND) as PetitionKind | null,
      status: text(PetitionDimension.STATUS) as PetitionStatus | null,
      onTime: onTime === null ? null : Number(onTime) === 1,
      ...shown,
    };
  });
  return {
    rows,
    totalRows: found.length ? Number(found[0]!.total_rows) : 0,
    coverage: coverageOf(unit, map, dims, places),
  };
}

/**
 * The unit's coverage (the kit's figureCoverage); on today's map by commune, the old communes
 * split in 2025 whose petitions are all put under one of their parts are counted whole as well.
 */
function coverageOf(
  unit: FigureUnit,
  map: UnitMap,
  dims: readonly PetitionDimension[],
  places: ReturnType<typeof placeRowsOf>,
): FigureCoverageShape<AdministrativeUnitRef> {
  const coverage = figureCoverage(unit, (u) => unitRef(u.code, u.validFrom));
  if (map !== UnitMap.TODAY || !dims.includes(PetitionDimension.COMMUNE)) return coverage;
  const known = new Set(coverage.countedWholeUnits.map((u) => `${u.code}@${u.validFrom}`));
  const split = places.filter((p) => p.approximate && !known.has(`${p.code}@${p.communeSince}`));
  const added = [...new Map(split.map((p) => [`${p.code}@${p.communeSince}`, p])).values()];
  return {
    ...coverage,
    approximate: coverage.approximate || added.length > 0,
    countedWholeUnits: [...coverage.countedWholeUnits, ...added.map((p) => unitRef(p.code, p.communeSince))],
  };
}
