import type { MigrationInterface, QueryRunner } from "typeorm";
import { calendarFor } from "../src/calendar/calendar-store.js";
import { acceptanceDueOn, dueOn } from "../src/deadlines/due-dates.js";
import { day, DEADLINE_COLUMNS, deadlineFacts, sql, type DeadlineRow } from "./deadline-rows.js";

/** The day the 7-working-day acceptance of complaints came into force (deadline-rules.ts). */
export const COMPLAINT_ACCEPTANCE_2026 = "2026-07-01";

/**
 * Issue 19: complaints received from 2026-07-01 are accepted within 7 working days (Decree 124/2020
 * as amended by Decree 155/2026, Art. 16(1)); the code before counted 10 calendar days, so the
 * acceptance deadlines (and the due dates that follow from them) stored for complaints received
 * since then are recomputed by the law in force on their receipt date, with the calendar the
 * database holds. The seed's complaints are all older: a fresh database changes nothing. `down`
 * leaves the dates as they are: the earlier ones were wrong in law, and the rule table that
 * counted them is gone.
 */
export class ComplaintAcceptance20261764200000090 implements MigrationInterface {
  name = "ComplaintAcceptance20261764200000090";

  async up(q: QueryRunner): Promise<void> {
    const rows: DeadlineRow[] = await q.query(
      sql(
        q,
        `SELECT ${DEADLINE_COLUMNS}, acceptance_due_on, due_on FROM petition WHERE kind = 'COMPLAINT' AND received_on >= ?`,
      ),
      [COMPLAINT_ACCEPTANCE_2026],
    );
    if (rows.length === 0) return;
    const calendar = await calendarFor(q.manager);
    for (const r of rows) {
      const facts = deadlineFacts(r);
      const acceptance = acceptanceDueOn(facts, calendar);
      const due = dueOn(facts, calendar);
      if (acceptance === day(r.acceptance_due_on) && due === day(r.due_on)) continue;
      await q.query(sql(q, "UPDATE petition SET acceptance_due_on = ?, due_on = ? WHERE id = ?"), [
        acceptance,
        due,
        Number(r.id),
      ]);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: see the class comment.
  }
}
