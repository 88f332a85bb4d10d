/**
 * Whose members a committee counts (issue 27): those of the committees below it (the closure
 * table) and, from the day of each succession, those of the committees that went into one of
 * them, with the committees below those, chains included (Phường Đông Xuyên's went into Mỹ
 * Xuyên's on 2025-01-01, Mỹ Xuyên's into Phường Long Xuyên's on 2025-07-01). No member row moves:
 * the members of an ended committee count, from the day after its last, in the committee its
 * succession leads to.
 *
 * `reachCte(roots)` gives two common table expressions for a `WITH RECURSIVE` statement:
 * `reach(root, org, since)`, each committee `org` whose members count in `root` from `since`
 * (an ISO date as text; `EVER` for the committees below it), once per pair; `roots` is SQL that
 * selects the root committees' ids. The same SQL on SQLite and PostgreSQL.
 */
export const EVER = "0001-01-01";

/** A date as ISO text, to compare with `since` on both databases. */
export const asText = (sql: string) => `CAST(${sql} AS VARCHAR(10))`;

export function reachCte(roots: string): string {
  return `reach_path(root, org, since) AS (
      SELECT c.ancestor_id, c.descendant_id, ${asText(`'${EVER}'`)}
      FROM organisation_closure c WHERE c.ancestor_id IN (${roots})
      UNION
      SELECT r.root, c.descendant_id,
        CASE WHEN ${asText("s.on_date")} > r.since THEN ${asText("s.on_date")} ELSE r.since END
      FROM reach_path r
        JOIN organisation_succession s ON s.to_id = r.org
        JOIN organisation_closure c ON c.ancestor_id = s.from_id
    ),
    reach AS (SELECT root, org, MIN(since) AS since FROM reach_path GROUP BY root, org)`;
}

/**
 * SQL: the member `m` reached through `reach` still counted in the root after the succession: a
 * member of the committees below it always, one carried over only if still a member on its day.
 */
export const CARRIED_OVER_SQL = `(reach.since = '${EVER}' OR m.left_on IS NULL OR ${asText("m.left_on")} > reach.since)`;
