import type { MigrationInterface, QueryRunner } from "typeorm";
import { DECLARED_DAYS, type DeclaredDay } from "../src/deadlines/declared-days.js";
import { acceptanceDueOn, dueOn, NoRuleInForceError } from "../src/deadlines/due-dates.js";
import { WorkingCalendar } from "../src/deadlines/working-calendar.js";
import { day, DEADLINE_COLUMNS, deadlineFacts, sql, type DeadlineRow } from "./deadline-rows.js";

/**
 * Issue 19 (leftovers): the days the announcements of 2016–2026 moved that the first calendar
 * migration did not ship (src/deadlines/declared-days.ts: New Year 2019, 30/4 2025, National Day
 * 2025 and 2026, New Year 2026), written into `declared_calendar_day` where an earlier migration
 * or an administrator has not already declared the day (an administrator's row is kept as it is;
 * on a fresh database migration 1764200000010 has written them all and this one writes none). The stored due dates the days it wrote move are
 * recomputed (`recompute`). `down` deletes the rows this migration wrote, never those it found,
 * and recomputes those due dates with the calendar of the code before it (DECLARED_DAYS without
 * those days).
 */
export const ADDED_DAYS = [
  "2018-12-31",
  "2019-01-05",
  "2025-04-26",
  "2025-05-02",
  "2025-09-01",
  "2025-09-03",
  "2026-01-02",
  "2026-01-10",
  "2026-08-22",
  "2026-08-31",
  "2026-09-01",
  "2026-09-03",
] as const;

/** The rows, as declared-days.ts has them (a day added there later is a later migration's). */
function addedRows() {
  return ADDED_DAYS.map((on) => {
    const row = DECLARED_DAYS.find((d) => d.on === on);
    if (!row) throw new Error(`declared-days.ts has no row for ${on}`);
    return row;
  });
}

const WRITER = "migration 1764200000070";

/**
 * The calendar the server counts with once this migration is applied (`declared`: the built-in
 * days, DECLARED_DAYS) or reverted (DECLARED_DAYS less the days it wrote), with every row the
 * table now holds (calendar-store.ts's `calendarFor`).
 */
async function calendarWith(q: QueryRunner, declared: readonly DeclaredDay[]): Promise<WorkingCalendar> {
  const rows: { on_date: string | Date; working: boolean | number; decision: string }[] = await q.query(
    "SELECT on_date, working, decision FROM declared_calendar_day",
  );
  return new WorkingCalendar(declared).with(
    rows.map((r) => ({
      on: day(r.on_date)!,
      working: r.working === true || Number(r.working) === 1,
      decision: r.decision,
    })),
  );
}

/**
 * Recomputes the due dates that days on or after `from` can move: every acceptance deadline and
 * every stored resolution deadline (open or resolved: the announced days were in force when the
 * petition was handled, and a fresh database's seed counts with them too) on or after `from`. One
 * read, then one UPDATE per distinct pair of new dates.
 */
async function recompute(q: QueryRunner, from: string, calendar: WorkingCalendar): Promise<void> {
  const rows: DeadlineRow[] = await q.query(
    sql(
      q,
      `SELECT ${DEADLINE_COLUMNS}, acceptance_due_on, due_on FROM petition WHERE acceptance_due_on >= ? OR due_on >= ?`,
    ),
    [from, from],
  );
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const facts = deadlineFacts(r);
    let acceptance: string;
    let due: string | null;
    try {
      acceptance = acceptanceDueOn(facts, calendar);
      due = dueOn(facts, calendar);
    } catch (err) {
      if (err instanceof NoRuleInForceError || err instanceof RangeError) continue;
      throw err;
    }
    if (acceptance === day(r.acceptance_due_on) && due === day(r.due_on)) continue;
    const key = JSON.stringify([acceptance, due]);
    groups.set(key, [...(groups.get(key) ?? []), Number(r.id)]);
  }
  for (const [key, ids] of groups) {
    const [acceptance, due] = JSON.parse(key) as [string, string | null];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await q.query(sql(q, `UPDATE petition SET acceptance_due_on = ?, due_on = ? WHERE id IN (${chunk.join(", ")})`), [
        acceptance,
        due,
      ]);
    }
  }
}

export class DeclaredDays1764200000070 implements MigrationInterface {
  name = "DeclaredDays1764200000070";

  async up(q: QueryRunner): Promise<void> {
    const present = new Set(
      ((await q.query("SELECT on_date FROM declared_calendar_day")) as { on_date: string | Date }[]).map((r) =>
        day(r.on_date),
      ),
    );
    const missing = addedRows().filter((d) => !present.has(d.on));
    for (const d of missing) {
      await q.query(
        sql(q, "INSERT INTO declared_calendar_day (on_date, working, decision, declared_by) VALUES (?, ?, ?, ?)"),
        [d.on, d.working, d.decision, WRITER],
      );
    }
    if (missing.length > 0) await recompute(q, missing[0]!.on, await calendarWith(q, DECLARED_DAYS));
  }

  async down(q: QueryRunner): Promise<void> {
    const mine = (
      (await q.query(sql(q, "SELECT on_date FROM declared_calendar_day WHERE declared_by = ?"), [WRITER])) as {
        on_date: string | Date;
      }[]
    )
      .map((r) => day(r.on_date)!)
      .sort();
    if (mine.length === 0) return;
    await q.query(sql(q, "DELETE FROM declared_calendar_day WHERE declared_by = ?"), [WRITER]);
    const before = DECLARED_DAYS.filter((d) => !mine.includes(d.on));
    await recompute(q, mine[0]!, await calendarWith(q, before));
  }
}
