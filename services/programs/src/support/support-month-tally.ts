import type { EntityManager } from "typeorm";
import { placeholders } from "@danvan/kit";
import { fundingSql, monthOfSql, supportEventSource, UNREVIEWED } from "./support-funding.js";
import { isListed } from "./published-visits.js";

/**
 * Keeps support_month_tally (support-month-tally.entity.ts) and the events' recipient status
 * exact, inside the caller's transaction: a support event takes the household's status of its
 * year and adds itself to the rollup under its key; a review that changes a household's status
 * for a year gives that household's events of the year the new status, in the rollup too.
 */

const COLUMNS = "month, commune_code, kind, funding, recipient_status, events, amount_vnd";
const ADD = `ON CONFLICT (month, commune_code, kind, funding, recipient_status) DO UPDATE SET
  events = support_month_tally.events + excluded.events,
  amount_vnd = support_month_tally.amount_vnd + excluded.amount_vnd`;

/** The household's status at its review of `year`, as the support event of that year records it (null: none yet). */
export async function recipientStatusOf(m: EntityManager, householdId: number, year: number): Promise<string | null> {
  const [review] = (await m.query(
    placeholders(m.connection, "SELECT status FROM poverty_classification WHERE household_id = ? AND year = ?"),
    [householdId, year],
  )) as { status: string }[];
  return review?.status ?? null;
}

/** Adds one support event (already inserted) to its month's rollup, keyed as the event's row says. */
export async function tallySupportMonth(m: EntityManager, eventId: number): Promise<void> {
  const { from, key: k } = supportEventSource();
  await m.query(
    placeholders(
      m.connection,
      `INSERT INTO support_month_tally (${COLUMNS})
       SELECT ${k.month}, ${k.communeCode}, ${k.kind}, ${k.funding}, ${k.recipientStatus}, 1, e.amount_vnd
         FROM ${from} WHERE e.id = ? ${ADD}`,
    ),
    [eventId],
  );
}

/**
 * A household's review for `year` was recorded or revised from `before` (null: there was none)
 * to `after`: its support events of that year take the new status and, in the rollup, leave the
 * old one for it, so RECIPIENT_STATUS always reads the household's review of the event's year as
 * it stands; when the household comes onto the poor or near-poor list or leaves it, the year
 * tally's listed events (the published household-visits) follow.
 */
export async function moveRecipientStatus(
  m: EntityManager,
  householdId: number,
  year: number,
  before: string | null,
  after: string,
): Promise<void> {
  const from = before ?? UNREVIEWED;
  if (from === after) return;
  const yearOn = [`${year}-01-01`, `${year}-12-31`];
  await m.query(
    placeholders(
      m.connection,
      "UPDATE support_event SET recipient_status = ? WHERE household_id = ? AND given_on >= ? AND given_on <= ?",
    ),
    [after, householdId, ...yearOn],
  );
  for (const [status, sign] of [
    [from, -1],
    [after, 1],
  ] as const) {
    await m.query(
      placeholders(
        m.connection,
        `INSERT INTO support_month_tally (${COLUMNS})
         SELECT ${monthOfSql("e.given_on")}, e.commune_code, e.kind, ${fundingSql("e.fund_id", "f.unit_code")},
                CAST(? AS TEXT), ${sign} * COUNT(*), ${sign} * SUM(e.amount_vnd)
           FROM support_event e LEFT JOIN fund f ON f.id = e.fund_id
          WHERE e.household_id = ? AND e.given_on >= ? AND e.given_on <= ?
          GROUP BY ${monthOfSql("e.given_on")}, e.commune_code, e.kind, ${fundingSql("e.fund_id", "f.unit_code")}
         ${ADD}`,
      ),
      [status, householdId, ...yearOn],
    );
  }
  const listedChange = Number(isListed(after)) - Number(isListed(before));
  if (listedChange !== 0) {
    const kinds = (await m.query(
      placeholders(
        m.connection,
        `SELECT commune_code, kind, COUNT(*) AS n FROM support_event
          WHERE household_id = ? AND given_on >= ? AND given_on <= ? GROUP BY commune_code, kind`,
      ),
      [householdId, ...yearOn],
    )) as { commune_code: string; kind: string; n: string | number }[];
    for (const k of kinds)
      await m.query(
        placeholders(
          m.connection,
          "UPDATE support_tally SET listed_visits = listed_visits + ? WHERE commune_code = ? AND year = ? AND kind = ?",
        ),
        [listedChange * Number(k.n), k.commune_code, year, k.kind],
      );
  }
}
