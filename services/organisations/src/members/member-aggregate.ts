import type { DataSource } from "typeorm";
import { placeholders, type Identity } from "@danvan/kit";
import {
  historyVersionsOf,
  inForceOn,
  RECORDS_BEGIN,
  REORGANISATION_2025,
  todaysCommuneOf,
  unitVersion,
  unitVersions,
  type FigureUnit,
} from "@danvan/kit/units";
import { UnitMap } from "@danvan/kit/federation";
import { inExistenceSql, unitPeriodEndSql } from "../organisations/committee-validity.js";
import { reachCte } from "./member-reach.js";
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
  /** The unit counted for: one version (the one its code names now, from the resolver). */
  unit: FigureUnit;
  /** The day members are counted on (the caller's `asOf`, or today). */
  asOf: string;
  /** The map the place dimensions use. */
  map?: UnitMap | null;
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
/** A place's version: the first day of the unit its code names in the row. */
const FROM: Partial<Record<MemberDimension, string>> = { DISTRICT: "g_district_from", COMMUNE: "g_commune_from" };

let todaysCommunes: string | undefined;
/**
 * SQL: the 2025 commune an old commune code's members fall under on today's map (the kit's
 * todaysCommuneOf; a split commune's members are placed per member: TODAYS_COMMUNE_OF_MEMBER).
 */
function todaysCommuneSql(code: string): string {
  todaysCommunes ??= [
    ...new Set(
      unitVersions.filter((v) => v.level === "COMMUNE" && v.validFrom < REORGANISATION_2025).map((v) => v.code),
    ),
  ]
    .map((c) => [c, todaysCommuneOf(c)?.code] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([c, t]) => `WHEN '${c}' THEN '${t}'`)
    .join(" ");
  return `CASE ${code} ${todaysCommunes} END`;
}

/**
 * The place columns of a committee `o` whose unit, as the committee knew it on the day, is `u`
 * (its district `d`), on the map asked for. A grassroots trade union belongs to its district's
 * Labour Federation, not to the commune its workplace is in: its members have a district and no
 * commune, as memberCount has them. On today's map there are no districts, and an old commune's
 * committee's members are under the 2025 commune it went into.
 */
function placeColumns(map: UnitMap): string {
  const commune = `u.level = '${UnitLevel.COMMUNE}' AND o.workplace_sector IS NULL`;
  if (map === UnitMap.TODAY)
    return `NULL AS g_district, NULL AS g_district_from, ${SPLIT_ORG_SQL} AS split_org,
      CASE WHEN ${commune} THEN (CASE WHEN u.valid_from >= '${REORGANISATION_2025}' THEN u.code ELSE ${todaysCommuneSql("u.code")} END) END AS g_commune,
      CASE WHEN ${commune} THEN '${REORGANISATION_2025}' END AS g_commune_from`;
  return `d.code AS g_district, d.valid_from AS g_district_from,
    CASE WHEN ${commune} THEN u.code END AS g_commune, CASE WHEN ${commune} THEN u.valid_from END AS g_commune_from`;
}

/** SQL: 1 when the committee `o` is a split commune's (its members go to the parts where they live). */
const SPLIT_ORG_SQL = `CASE WHEN EXISTS (SELECT 1 FROM organisation_succession ps WHERE ps.from_id = o.id AND ps.share = 'part') THEN 1 ELSE 0 END`;

/**
 * SQL: the 2025 commune of the member `m` on today's map: a split commune's member's is the part
 * they were carried to (member_carry), anyone else's their committee's.
 */
const TODAYS_COMMUNE_OF_MEMBER = `CASE WHEN ou.split_org = 1 THEN COALESCE((SELECT t.unit_code FROM member_carry mc
    JOIN organisation t ON t.id = mc.to_id WHERE mc.member_id = m.id), ou.g_commune) ELSE ou.g_commune END`;

/** A dimension from a member row `m` and its committee's row `ou` (place columns included). */
function dimensionSql(d: MemberDimension, asOfYear: number, map: UnitMap): string {
  switch (d) {
    case MemberDimension.DISTRICT:
      return `ou.${COLUMN[d]}`;
    case MemberDimension.COMMUNE:
      return map === UnitMap.TODAY ? TODAYS_COMMUNE_OF_MEMBER : `ou.${COLUMN[d]}`;
    case MemberDimension.ORGANISATION_KIND:
      return "ou.kind";
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
 * Members on `asOf` of the unit's committees on that day and of every committee they reach (the
 * committees below them and those that went into them: member-reach.ts), as memberCount counts
 * them (joined on or before the day, not left by it), grouped in one SQL statement on both
 * databases, with the number of groups by `COUNT(*) OVER ()` before `first`. The unit's
 * committees on a day are those of the units of its territory through time in force that day
 * (Phường Long Xuyên's in 2020: its old wards'), so a 2025 unit's figure before 2025 is the sum
 * over its predecessors, and an ended unit's after its end is empty.
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
  // Units are read on the day, and never before the records begin (the 2019 list holds from then).
  const day = args.asOf < RECORDS_BEGIN ? RECORDS_BEGIN : args.asOf;
  const version = unitVersion(args.unit.code, args.unit.validFrom);
  const codes = version
    ? [
        ...new Set(
          historyVersionsOf(version)
            .filter((v) => inForceOn(v, day))
            .map((v) => v.code),
        ),
      ]
    : [];

  const dims = args.groupBy;
  const map = args.map ?? UnitMap.AS_RECORDED;
  const cols = dims.flatMap((d) => (FROM[d] ? [COLUMN[d], FROM[d]] : [COLUMN[d]]));
  // Statement text in order, so that values are bound in order.
  const roots = `SELECT a.id FROM organisation a WHERE a.workplace_sector IS NULL
    AND a.unit_code IN (${codes.length ? list(codes) : "NULL"}) AND ${inExistenceSql("a", () => param(args.asOf))}`;
  const reach = reachCte(roots);
  const end = unitPeriodEndSql("o");
  // The version of a code the committee knew on the day: the last begun by then (a grassroots
  // union's commune may have ended before the 2019 map did, as Đông Xuyên on 2024-12-31). Each
  // call binds its own values, in the order the text is built.
  const unitDay = () => `CASE WHEN ${end} IS NOT NULL AND ${end} < ${param(day)} THEN ${end} ELSE ${param(day)} END`;
  const knownOnDay = (alias: string, code: string) =>
    `${alias}.code = ${code} AND ${alias}.valid_from = (SELECT MAX(v.valid_from) FROM administrative_unit v
      WHERE v.code = ${code} AND v.valid_from <= ${unitDay()})`;
  const districtCode = `CASE u.level WHEN '${UnitLevel.COMMUNE}' THEN (CASE WHEN LENGTH(u.parent_code) = 3 THEN u.parent_code END) WHEN '${UnitLevel.DISTRICT}' THEN u.code END`;
  // Each committee reached, with its unit as it knew it on the day (its last day, if ended before).
  // `whole_org`: all the committee's members count (reached by no `part` succession alone).
  const ou = `SELECT o.id AS org_id, o.kind AS kind, ${placeColumns(map)},
      CASE WHEN o.id IN (SELECT w.org FROM reach w WHERE w.part_to IS NULL AND w.since <= ${param(args.asOf)})
        THEN 1 ELSE 0 END AS whole_org
    FROM organisation o
      JOIN administrative_unit u ON ${knownOnDay("u", "o.unit_code")}
      LEFT JOIN administrative_unit d ON ${knownOnDay("d", districtCode)}
    WHERE o.id IN (SELECT reach.org FROM reach WHERE reach.since <= ${param(args.asOf)})`;
  // The members of committees reached through `part` successions only that were carried to one of those parts.
  const carried = `SELECT mc.member_id FROM member_carry mc JOIN member cm ON cm.id = mc.member_id
      JOIN reach r ON r.part_to = mc.to_id AND r.org = cm.organisation_id WHERE r.since <= ${param(args.asOf)}`;
  const where = [
    `m.joined_on <= ${param(args.asOf)}`,
    `(m.left_on IS NULL OR m.left_on > ${param(args.asOf)})`,
    `(ou.whole_org = 1 OR m.id IN (SELECT member_id FROM carried))`,
  ];
  const { organisationKinds, genders, ageBands } = args.filter ?? {};
  if (organisationKinds) where.push(organisationKinds.length ? `ou.kind IN (${list(organisationKinds)})` : "1 = 0");
  if (genders) where.push(genders.length ? `m.gender IN (${list(genders)})` : "1 = 0");
  if (ageBands)
    where.push(ageBands.length ? `${ageBandSql("m.birth_year", asOfYear)} IN (${list(ageBands)})` : "1 = 0");

  const selected = dims.flatMap((d) => [
    `${dimensionSql(d, asOfYear, map)} AS ${COLUMN[d]}`,
    ...(FROM[d] ? [`ou.${FROM[d]} AS ${FROM[d]}`] : []),
  ]);
  const base = `SELECT ${selected.length ? selected.join(", ") : "1 AS one"}
    FROM member m JOIN ou ON ou.org_id = m.organisation_id
    WHERE ${where.join(" AND ")}`;
  const grouped = `SELECT ${cols.map((c) => `${c}, `).join("")}COUNT(*) AS members FROM base${
    cols.length ? ` GROUP BY ${cols.join(", ")}` : ""
  }`;
  const places = dims.filter((d) => d === "DISTRICT" || d === "COMMUNE").map((d) => COLUMN[d]);
  const viewed = `SELECT grouped.*, ${restrictedSql(cellViewOf(identity, args.unit.code), places, param)} AS restricted FROM grouped`;

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
  // A place named by one code in two versions (30307: Mỹ Hòa's committee, ended, and Long Xuyên's) sorts by its first day.
  for (const d of dims) if (FROM[d]) order.push(sortTerms(FROM[d], "ASC"));

  // `ou` once per committee, then joined to the members (not its subqueries once per member row).
  const sql = `WITH RECURSIVE ${reach}, ou AS MATERIALIZED (${ou}), carried AS MATERIALIZED (${carried}), base AS (${base}), grouped AS (${grouped}), viewed AS (${viewed})
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
    const from = (d: MemberDimension) => (dims.includes(d) && r[FROM[d]!] != null ? String(r[FROM[d]!]) : null);
    return Object.assign(new MemberAggregateRow(), {
      districtCode: text(MemberDimension.DISTRICT),
      districtValidFrom: from(MemberDimension.DISTRICT),
      communeCode: text(MemberDimension.COMMUNE),
      communeValidFrom: from(MemberDimension.COMMUNE),
      organisationKind: text(MemberDimension.ORGANISATION_KIND) as OrganisationKind | null,
      gender: text(MemberDimension.GENDER) as Gender | null,
      ageBand: text(MemberDimension.AGE_BAND) as AgeBand | null,
      joinYear: text(MemberDimension.JOIN_YEAR),
      ...shown,
    });
  });
  return { rows, totalRows: found.length ? Number(found[0]!.total_rows) : 0 };
}
