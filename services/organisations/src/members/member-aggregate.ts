import type { DataSource } from "typeorm";
import { placeholders, type Identity } from "@danvan/kit";
import { RECORDS_BEGIN } from "@danvan/kit/units";
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
import { ALL_ORGANISATION_KINDS, type OrganisationKind } from "../organisations/organisation-kind.js";
import { UnitLevel } from "../units/unit-level.js";
import { AgeBand, ageBandSql } from "./age-band.js";
import { Gender } from "./member-status.js";
import {
  MEMBER_MEASURES,
  MemberDimension,
  MemberAggregateRow,
  type MemberAggregate,
  type MemberAggregateFilter,
  type MemberAggregateOrder,
} from "./member-aggregate.type.js";

export interface MemberAggregateArgs {
  unitCode: string;
  /** The day members are counted on (the caller's `asOf`, or today). */
  asOf: string;
  groupBy: readonly MemberDimension[];
  filter?: MemberAggregateFilter | null;
  orderBy?: readonly MemberAggregateOrder[] | null;
  first?: number | null;
}

const COLUMN: Record<MemberDimension, string> = {
  DISTRICT: "g_district",
  COMMUNE: "g_commune",
  ORGANISATION_KIND: "g_kind",
  GENDER: "g_gender",
  AGE_BAND: "g_age_band",
  JOIN_YEAR: "g_join_year",
};

/** A dimension from a member row `m`, its committee `o` and the committee's unit `u`. */
function dimensionSql(d: MemberDimension, asOfYear: number): string {
  switch (d) {
    case MemberDimension.DISTRICT:
      // A commune's district; none from 2025-07-01, when a commune's parent is the province.
      return `CASE u.level WHEN '${UnitLevel.COMMUNE}' THEN (CASE WHEN LENGTH(u.parent_code) = 3 THEN u.parent_code END) WHEN '${UnitLevel.DISTRICT}' THEN u.code END`;
    case MemberDimension.COMMUNE:
      // A grassroots trade union belongs to its district's Labour Federation, not to the commune
      // its workplace is in: its members have a district and no commune, as memberCount has them.
      return `CASE WHEN u.level = '${UnitLevel.COMMUNE}' AND o.workplace_sector IS NULL THEN u.code END`;
    case MemberDimension.ORGANISATION_KIND:
      return "o.kind";
    case MemberDimension.GENDER:
      return "m.gender";
    case MemberDimension.AGE_BAND:
      return ageBandSql("m.birth_year", asOfYear);
    case MemberDimension.JOIN_YEAR:
      return timeBucketSql("YEAR", "m.joined_on");
  }
}

/** Places by code, join years ascending, enums in declaration order. */
function dimensionSortKey(d: MemberDimension): string {
  if (d === MemberDimension.ORGANISATION_KIND) return declarationOrderSql(COLUMN[d], ALL_ORGANISATION_KINDS);
  if (d === MemberDimension.GENDER) return declarationOrderSql(COLUMN[d], Object.values(Gender));
  if (d === MemberDimension.AGE_BAND) return declarationOrderSql(COLUMN[d], Object.values(AgeBand));
  return COLUMN[d];
}

/** The grouping's faults, by path (BAD_USER_INPUT). The unit is checked by the resolver, which owns the units. */
export function checkMemberGrouping(args: Pick<MemberAggregateArgs, "groupBy" | "orderBy" | "first" | "filter">): void {
  checkGrouping({
    groupBy: args.groupBy,
    orderBy: args.orderBy,
    first: args.first,
    measures: MEMBER_MEASURES,
    filter: args.filter,
  });
}

/**
 * Members on `asOf` of the unit's committees and every committee below them (the committees
 * memberCount counts, through the closure table), as memberCount counts them (joined on or
 * before the day, not left by it), grouped in one SQL statement on both databases, with the
 * number of groups by `COUNT(*) OVER ()` before `first`.
 */
export async function memberAggregate(
  ds: DataSource,
  identity: Identity,
  args: MemberAggregateArgs,
): Promise<MemberAggregate> {
  checkMemberGrouping(args);
  const params: unknown[] = [];
  const param = (v: unknown) => (params.push(v), "?");
  const list = (values: readonly unknown[]) => values.map(param).join(", ");
  const asOfYear = Number(args.asOf.slice(0, 4));

  const dims = args.groupBy;
  const cols = dims.map((d) => COLUMN[d]);
  // Each committee's unit as it stood on asOf (its last version begun by then; the first, before
  // the records begin): its bound value
  // comes first in the statement, so it is bound first.
  const unitJoin = `JOIN (SELECT code, MAX(valid_from) AS valid_from FROM administrative_unit
        WHERE valid_from <= ${param(args.asOf < RECORDS_BEGIN ? RECORDS_BEGIN : args.asOf)} GROUP BY code) uv ON uv.code = o.unit_code
      JOIN administrative_unit u ON u.code = uv.code AND u.valid_from = uv.valid_from`;
  const where = [
    `m.organisation_id IN (SELECT c.descendant_id FROM organisation_closure c
       JOIN organisation a ON a.id = c.ancestor_id
       WHERE a.unit_code = ${param(args.unitCode)} AND a.workplace_sector IS NULL)`,
    `m.joined_on <= ${param(args.asOf)}`,
    `(m.left_on IS NULL OR m.left_on > ${param(args.asOf)})`,
  ];
  const { organisationKinds, genders, ageBands } = args.filter ?? {};
  if (organisationKinds) where.push(organisationKinds.length ? `o.kind IN (${list(organisationKinds)})` : "1 = 0");
  if (genders) where.push(genders.length ? `m.gender IN (${list(genders)})` : "1 = 0");
  if (ageBands)
    where.push(ageBands.length ? `${ageBandSql("m.birth_year", asOfYear)} IN (${list(ageBands)})` : "1 = 0");

  const base = `SELECT ${dims.length ? dims.map((d) => `${dimensionSql(d, asOfYear)} AS ${COLUMN[d]}`).join(", ") : "1 AS one"}
    FROM member m JOIN organisation o ON o.id = m.organisation_id
      ${unitJoin}
    WHERE ${where.join(" AND ")}`;
  const grouped = `SELECT ${cols.map((c) => `${c}, `).join("")}COUNT(*) AS members FROM base${
    cols.length ? ` GROUP BY ${cols.join(", ")}` : ""
  }`;
  const places = dims.filter((d) => d === "DISTRICT" || d === "COMMUNE").map((d) => COLUMN[d]);
  const viewed = `SELECT grouped.*, ${restrictedSql(cellViewOf(identity, args.unitCode), places, param)} AS restricted FROM grouped`;

  const order: string[] = [];
  for (const o of args.orderBy ?? []) {
    const direction = (o.direction ?? "DESC") as SortDirection;
    const key =
      (o.by as string) === "MEMBERS"
        ? visibleMeasureSql("members", "members")
        : dimensionSortKey(o.by as string as MemberDimension);
    order.push(sortTerms(key, direction));
  }
  for (const d of dims) {
    if (!(args.orderBy ?? []).some((o) => (o.by as string) === d)) order.push(sortTerms(dimensionSortKey(d), "ASC"));
  }

  const sql = `WITH base AS (${base}), grouped AS (${grouped}), viewed AS (${viewed})
    SELECT viewed.*, COUNT(*) OVER () AS total_rows FROM viewed
    ${order.length ? `ORDER BY ${order.join(", ")}` : ""} LIMIT ${param(aggregateRowLimit(args.first))}`;
  const found = (await ds.query(placeholders(ds, sql), params)) as Record<string, string | number | null>[];

  const rows = found.map((r) => {
    const text = (d: MemberDimension) => (dims.includes(d) && r[COLUMN[d]] != null ? String(r[COLUMN[d]]) : null);
    const figures = { members: Number(r.members ?? 0) };
    const shown =
      Number(r.restricted) === 1
        ? suppressSmallCells([figures], "members", ["members"])[0]!
        : { ...figures, suppressed: false };
    return Object.assign(new MemberAggregateRow(), {
      districtCode: text(MemberDimension.DISTRICT),
      communeCode: text(MemberDimension.COMMUNE),
      organisationKind: text(MemberDimension.ORGANISATION_KIND) as OrganisationKind | null,
      gender: text(MemberDimension.GENDER) as Gender | null,
      ageBand: text(MemberDimension.AGE_BAND) as AgeBand | null,
      joinYear: text(MemberDimension.JOIN_YEAR),
      ...shown,
    });
  });
  return { rows, totalRows: found.length ? Number(found[0]!.total_rows) : 0 };
}
