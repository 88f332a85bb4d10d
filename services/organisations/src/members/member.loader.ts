import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, type PageRequest } from "@danvan/kit";
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
 * Member loaders. A committee's members include those of the committees below it, through
 * the closure table; pages of several committees come from one windowed statement.
 */
export function memberLoaders(ds: DataSource) {
  const members = ds.getRepository(Member);

  const subtreeMembers = (ids: string[]) =>
    ds
      .createQueryBuilder()
      .from("organisation_closure", "c")
      .innerJoin("member", "m", "m.organisation_id = c.descendant_id")
      .where("c.ancestor_id IN (:...ids)", { ids });

  return {
    member: keyedLoader<number, Member>(
      (ids) => members.findBy({ id: In(ids) }),
      (m) => m.id,
    ),

    /** Members counted on a date (joined on or before it, not left by it). */
    memberCountOn: new LoaderFamily((asOf: string) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) =>
          subtreeMembers(ids)
            .select("c.ancestor_id", "id")
            .addSelect("COUNT(*)", "n")
            .andWhere("m.joined_on <= :asOf", { asOf })
            .andWhere("(m.left_on IS NULL OR m.left_on > :asOf)", { asOf })
            .groupBy("c.ancestor_id")
            .getRawMany<{ id: string; n: number | string }>()
            .then((rows) => rows.map((r) => ({ id: r.id, n: Number(r.n) }))),
        (r) => r.id,
      ),
    ),

    /** New members who joined in [from, to]. */
    joinedBetween: new LoaderFamily(({ from, to }: { from: string; to: string }) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) =>
          subtreeMembers(ids)
            .select("c.ancestor_id", "id")
            .addSelect("COUNT(*)", "n")
            .andWhere("m.joined_on >= :from AND m.joined_on <= :to", { from, to })
            .groupBy("c.ancestor_id")
            .getRawMany<{ id: string; n: number | string }>()
            .then((rows) => rows.map((r) => ({ id: r.id, n: Number(r.n) }))),
        (r) => r.id,
      ),
    ),

    /** One page of members per committee: `limit + 1` rows after the cursor, by id, in one statement. */
    memberPage: new LoaderFamily((page: MemberPageKey) =>
      groupedLoader<string, PagedMember>(
        async (ids) => {
          const rows = await ds
            .createQueryBuilder()
            .select("t.*")
            .from((sq) => {
              let q = sq
                .select("c.ancestor_id", "ancestor_id")
                .addSelect(MEMBER_COLUMNS.map((c) => `m.${c} AS ${c}`).join(", "))
                .addSelect("ROW_NUMBER() OVER (PARTITION BY c.ancestor_id ORDER BY m.id)", "rn")
                .from("organisation_closure", "c")
                .innerJoin("member", "m", "m.organisation_id = c.descendant_id")
                .where("c.ancestor_id IN (:...ids)", { ids });
              if (page.afterKey !== null) q = q.andWhere("m.id > :afterKey", { afterKey: page.afterKey });
              if (page.status !== null) q = q.andWhere("m.status = :status", { status: page.status });
              return q;
            }, "t")
            .where("t.rn <= :take", { take: page.limit + 1 })
            .orderBy("t.id")
            .getRawMany<MemberRow & { ancestor_id: string }>();
          return rows.map((r) => Object.assign(memberFromRow(r), { ancestorId: r.ancestor_id }));
        },
        (m) => m.ancestorId,
      ),
    ),

    /** How many members a committee's list holds (all of them, or of one status). */
    memberTotal: new LoaderFamily((status: MemberStatus | null) =>
      keyedLoader<string, { id: string; n: number }>(
        (ids) => {
          let q = subtreeMembers(ids).select("c.ancestor_id", "id").addSelect("COUNT(*)", "n");
          if (status !== null) q = q.andWhere("m.status = :status", { status });
          return q
            .groupBy("c.ancestor_id")
            .getRawMany<{ id: string; n: number | string }>()
            .then((rows) => rows.map((r) => ({ id: r.id, n: Number(r.n) })));
        },
        (r) => r.id,
      ),
    ),
  };
}

export function memberPageKey(page: PageRequest, status: MemberStatus | null | undefined): MemberPageKey {
  return { limit: page.limit, afterKey: page.afterKey === null ? null : Number(page.afterKey), status: status ?? null };
}
