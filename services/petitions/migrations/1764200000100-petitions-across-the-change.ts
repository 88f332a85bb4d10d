import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  LAST_DAY_OF_THE_OLD_MAP,
  moveOf,
  REORGANISATION_ACTOR,
  REORGANISATION_DAY,
} from "../src/units/reorganisation.js";
import { day, sql } from "./deadline-rows.js";

/** The columns it adds: the handling unit on the petition, the unit a `reorganise` step names on the step. */
const COLUMNS: readonly [table: string, column: string, type: string][] = [
  ["petition", "handling_unit_code", "varchar(10)"],
  ["petition", "handling_unit_valid_from", "date"],
  ["petition_event", "unit_code", "varchar(10)"],
  ["petition_event", "unit_valid_from", "date"],
];

interface Row {
  id: number | string;
  commune_code: string;
  received_on: string | Date;
  closed_on: string | Date | null;
  status: string;
  handled_by_organisation_id: string | null;
  handling_unit_code: string | null;
  /** The status at the end of 2025-06-30: the last step dated before the change. */
  status_then: string | null;
  moved: number | string;
}

/**
 * Issue 27: the petitions open at the 2025 reorganisation move to the unit that took their
 * commune (src/units/reorganisation.ts). Adds `petition.handling_unit_code` and
 * `handling_unit_valid_from` (the handling unit, null while it is the commune of receipt) and
 * `petition_event.unit_code` and `unit_valid_from` (the unit a `reorganise` step names), then
 * records, for every petition received before 2025-07-01 and not closed by 2025-06-30, the
 * `reorganise` step dated 2025-07-01 and its new handling unit and body; status, deadlines and
 * extensions stay. Idempotent: a petition that has the step is not moved again (after a `down`,
 * only its handling unit is written back). The seed moves its own petitions (seed/seed.ts).
 * `down` drops the four columns and leaves the steps and the bodies: the code before reads a
 * step as a transition's name and a body as an id.
 */
export class PetitionsAcrossTheChange1764200000100 implements MigrationInterface {
  name = "PetitionsAcrossTheChange1764200000100";

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both databases: on SQLite, TypeORM's addColumn would rebuild the table.
    for (const [table, column, type] of COLUMNS)
      if (!(await q.hasColumn(table, column))) await q.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
    await moveOpenPetitions(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // SQLite drops a plain column in place (3.35+), without rebuilding the table and cascading.
    for (const [table, column] of [...COLUMNS].reverse())
      if (await q.hasColumn(table, column)) await q.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}

/**
 * Moves every petition open at the change that has not moved yet; returns how many steps it
 * wrote. Exported for the tests, which run it on a database where the seed has already moved its own.
 */
export async function moveOpenPetitions(q: QueryRunner): Promise<number> {
  const rows: Row[] = await q.query(
    sql(
      q,
      `SELECT p.id, p.commune_code, p.received_on, p.closed_on, p.status, p.handled_by_organisation_id,
              p.handling_unit_code,
              (SELECT e.to_status FROM petition_event e WHERE e.petition_id = p.id AND e.occurred_on < ?
                ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1) AS status_then,
              (SELECT COUNT(*) FROM petition_event e WHERE e.petition_id = p.id AND e.transition = 'reorganise') AS moved
         FROM petition p
        WHERE p.received_on < ? AND (p.closed_on IS NULL OR p.closed_on > ?)
        ORDER BY p.id`,
    ),
    [REORGANISATION_DAY, REORGANISATION_DAY, LAST_DAY_OF_THE_OLD_MAP],
  );
  let written = 0;
  for (const r of rows) {
    const id = Number(r.id);
    const move = moveOf({
      communeCode: r.commune_code,
      receivedOn: day(r.received_on)!,
      closedOn: day(r.closed_on),
      handledByOrganisationId: r.handled_by_organisation_id,
    });
    if (!move) continue;
    if (Number(r.moved) > 0) {
      // Moved before a `down`: the unit columns came back empty; the step and the body are there.
      if (r.handling_unit_code === null) {
        await q.query(sql(q, "UPDATE petition SET handling_unit_code = ?, handling_unit_valid_from = ? WHERE id = ?"), [
          move.unit.code,
          move.unit.validFrom,
          id,
        ]);
        await q.query(
          sql(
            q,
            "UPDATE petition_event SET unit_code = ?, unit_valid_from = ? WHERE petition_id = ? AND transition = 'reorganise'",
          ),
          [move.unit.code, move.unit.validFrom, id],
        );
      }
      continue;
    }
    const status = r.status_then ?? r.status;
    await q.query(
      sql(
        q,
        `UPDATE petition SET handling_unit_code = ?, handling_unit_valid_from = ?, handled_by_organisation_id = ?,
                last_step_on = CASE WHEN last_step_on < ? THEN ? ELSE last_step_on END, version = version + 1
          WHERE id = ?`,
      ),
      [move.unit.code, move.unit.validFrom, move.bodyId, REORGANISATION_DAY, REORGANISATION_DAY, id],
    );
    await q.query(
      sql(
        q,
        `INSERT INTO petition_event (petition_id, transition, from_status, to_status, occurred_on, actor, reason, note,
                                     unit_code, unit_valid_from)
         VALUES (?, 'reorganise', ?, ?, ?, ?, NULL, ?, ?, ?)`,
      ),
      [id, status, status, REORGANISATION_DAY, REORGANISATION_ACTOR, move.note, move.unit.code, move.unit.validFrom],
    );
    written++;
  }
  return written;
}
