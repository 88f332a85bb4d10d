import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, placeholders, type PageRequest } from "@danvan/kit";
import { inExistenceSql } from "../organisations/committee-validity.js";
import { asText, CARRIED_OVER_SQL, partSql, reachCte } from "./member-reach.js";
import { Member } from "./member.entity.js";
import type { MemberStatus } from "./member-status.js";

type PagedMember = Member & { ancestorId: string };

const MEMBER_COLUMNS = [
  "id",
  "organisation_id",
  "full_name",
  "gender",
  "birth_year",
  "joined_on",
  "left_on",
  "status",
  "version",
] as const;
type MemberRow = Record<(typeof MEMBER_COLUMNS)[number], string | number | null>;

/** A raw row (same shape on SQLite and PostgreSQL: dates are strings on both) as a Member. */
function memberFromRow(r: MemberRow): Member {
  return Object.assign(new Member(), {
    id: Number(r.id),
    organisationId: String(r.organisation_id),
    fullName: String(r.full_name),
    gender: r.gender,
    birthYear: r.birth_year === null ? null : Number(r.birth_year),
    joinedOn: String(r.joined_on),
    leftOn: r.left_on === null ? null : String(r.left_on),
    status: r.status,
    version: Number(r.version),
  });
}

export interface MemberPageKey {
  limit: number;
  afterKey: number | null;
  status: MemberStatus | null;
}

/**
 * Member loaders. A committee's members include those of the committees below it, through the
 * closure table, and, from each succession's day, those of the committees that went into it
 * (member-reach.ts); pages of several committees come from one windowed statement.
 */
export function memberLoaders(ds: DataSource) {
  const members = ds.getRepository(Member);
  /** Runs `select` over the reach of `ids` (bound first), then `params`. */
  const overReach = <R>(ids: readonly string[], select: string, params: unknown[]) =>
    ds.query(placeholders(ds, `WITH RECURSIVE ${reachCte(ids.map(() => "?").join(", "))} ${select}`), [
      ...ids,
      ...params,
    ]) as Promise<R[]>;
  const counts = (rows: { id: string; n: number | string }[]) => rows.map((r) => ({ id: r.id, n: Number(r.n) }));

  return {
    member: keyedLoader<number, Member>(
      (ids) => members.findBy({ id: In(ids) }),
      (m) => m.id,
    ),

    /**
     * Members counted on a date (joined on or before it, not left by it), of the committees the
     * committee reaches on that date; none for a committee that does not exist on it.
     */
    memberCountOn: new LoaderFamily((asOf: string) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) =>
          overReach<{ id: string; n: number | string }>(
            ids,
            `SELECT reach.root AS id, COUNT(*) AS n FROM reach
              JOIN organisation o ON o.id = reach.root
              JOIN member m ON m.organisation_id = reach.org
            WHERE reach.since <= ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)
              AND ${partSql("reach")} AND ${inExistenceSql("o", () => "?")}
            GROUP BY reach.root`,
            [asOf, asOf, asOf, asOf, asOf],
          ).then(counts),
        (r) => r.id,
      ),
    ),

    /** New members who joined in [from, to] (a member carried over joined before the succession). */
    joinedBetween: new LoaderFamily(({ from, to }: { from: string; to: string }) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) =>
          overReach<{ id: string; n: number | string }>(
            ids,
            `SELECT reach.root AS id, COUNT(*) AS n FROM reach JOIN member m ON m.organisation_id = reach.org
            WHERE m.joined_on >= ? AND m.joined_on <= ? AND ${asText("m.joined_on")} >= reach.since
              AND ${partSql("reach")}
            GROUP BY reach.root`,
            [from, to],
          ).then(counts),
        (r) => r.id,
      ),
    ),

    /** One page of members per committee: `limit + 1` rows after the cursor, by id, in one statement. */
    memberPage: new LoaderFamily((page: MemberPageKey) =>
      groupedLoader<string, PagedMember>(
        async (ids) => {
          const params: unknown[] = [];
          const where = [CARRIED_OVER_SQL];
          if (page.afterKey !== null) {
            where.push("m.id > ?");
            params.push(page.afterKey);
          }
          if (page.status !== null) {
            where.push("m.status = ?");
            params.push(page.status);
          }
          const rows = await overReach<MemberRow & { ancestor_id: string }>(
            ids,
            `, t AS (
              SELECT reach.root AS ancestor_id, ${MEMBER_COLUMNS.map((c) => `m.${c} AS ${c}`).join(", ")},
                ROW_NUMBER() OVER (PARTITION BY reach.root ORDER BY m.id) AS rn
              FROM reach JOIN member m ON m.organisation_id = reach.org
              WHERE ${where.join(" AND ")})
            SELECT t.* FROM t WHERE t.rn <= ? ORDER BY t.id`,
            [...params, page.limit + 1],
          );
          return rows.map((r) => Object.assign(memberFromRow(r), { ancestorId: r.ancestor_id }));
        },
        (m) => m.ancestorId,
      ),
    ),

    /** How many members a committee's list holds (all of them, or of one status). */
    memberTotal: new LoaderFamily((status: MemberStatus | null) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) =>
          overReach<{ id: string; n: number | string }>(
            ids,
            `SELECT reach.root AS id, COUNT(*) AS n FROM reach JOIN member m ON m.organisation_id = reach.org
            WHERE ${CARRIED_OVER_SQL}${status !== null ? " AND m.status = ?" : ""}
            GROUP BY reach.root`,
            status !== null ? [status] : [],
          ).then(counts),
        (r) => r.id,
      ),
    ),
  };
}

export function memberPageKey(page: PageRequest, status: MemberStatus | null | undefined): MemberPageKey {
  return { limit: page.limit, afterKey: page.afterKey === null ? null : Number(page.afterKey), status: status ?? null };
}
