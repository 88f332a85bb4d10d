/**
 * Whose members a committee counts (issue 27): those of the committees below it (the closure
 * table) and, from the day of each succession, those of the committees that went into one of
 * them, with the committees below those, chains included (Phường Đông Xuyên's went into Mỹ
 * Xuyên's on 2025-01-01, Mỹ Xuyên's into Phường Long Xuyên's on 2025-07-01). No member row moves:
 * the members of an ended committee count, from the day after its last, in the committee its
 * succession leads to. Through a `part` succession (a split commune's committee into one of its
 * parts) only the members carried to that part count (member_carry: the part where they live).
 *
 * `reachCte(roots)` gives common table expressions for a `WITH RECURSIVE` statement:
 * `reach(root, org, since, part_to)`, each committee `org` whose members count in `root` from
 * `since` (an ISO date as text; `EVER` for the committees below it), with `part_to` the part
 * committee a `part` succession on the way leads to (null when none: all its members count). A
 * committee reached both ways (the province's reaches a split commune's through the old
 * province's and through each part) counts whole: its `part` rows are dropped. `roots` is SQL
 * that selects the root committees' ids. The same SQL on SQLite and PostgreSQL.
 */
export const EVER = "0001-01-01";

/** A date as ISO text, to compare with `since` on both databases. */
export const asText = (sql: string) => `CAST(${sql} AS VARCHAR(10))`;

/** A committee id as text of one type in both terms of the recursion (PostgreSQL insists). */
const asId = (sql: string) => `CAST(${sql} AS VARCHAR(16))`;

export function reachCte(roots: string): string {
  return `reach_path(root, org, since, part_to) AS (
      SELECT c.ancestor_id, c.descendant_id, ${asText(`'${EVER}'`)}, ${asId("NULL")}
      FROM organisation_closure c WHERE c.ancestor_id IN (${roots})
      UNION
      SELECT r.root, c.descendant_id,
        CASE WHEN ${asText("s.on_date")} > r.since THEN ${asText("s.on_date")} ELSE r.since END,
        ${asId("CASE WHEN s.share = 'part' THEN s.to_id ELSE r.part_to END")}
      FROM reach_path r
        JOIN organisation_succession s ON s.to_id = r.org
        JOIN organisation_closure c ON c.ancestor_id = s.from_id
    ),
    reach_any AS (SELECT root, org, MIN(since) AS since, part_to FROM reach_path GROUP BY root, org, part_to),
    reach AS (SELECT a.root, a.org, a.since, a.part_to FROM reach_any a
      WHERE a.part_to IS NULL OR NOT EXISTS (
        SELECT 1 FROM reach_any w WHERE w.root = a.root AND w.org = a.org AND w.part_to IS NULL))`;
}

/** SQL: the member `m` reached by the `reach` row `r` counts there: any, or one carried to its part. */
export const partSql = (r: string) =>
  `(${r}.part_to IS NULL OR EXISTS (SELECT 1 FROM member_carry mc WHERE mc.member_id = m.id AND mc.to_id = ${r}.part_to))`;

/**
 * SQL: the member `m` reached through `reach` still counted in the root after the succession: a
 * member of the committees below it always, one carried over only if still a member on its day
 * (and, through a `part` succession, carried to that part).
 */
export const CARRIED_OVER_SQL = `(reach.since = '${EVER}' OR m.left_on IS NULL OR ${asText("m.left_on")} > reach.since) AND ${partSql("reach")}`;
