import { Table, TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { DECLARED_DAYS } from "../src/deadlines/declared-days.js";
import { acceptanceDueOn, dueOn, NoRuleInForceError } from "../src/deadlines/due-dates.js";
import { BUILT_IN_CALENDAR } from "../src/deadlines/working-calendar.js";
import { day, type DeadlineRow } from "./deadline-rows.js";

/**
 * Issue 19: deadlines by the law in force on the receipt date, in working days where that law
 * counts them, rolled over weekends and holidays. Adds `petition.acceptance_due_on` (kept after
 * acceptance, to count late acceptances) and `petition.decision_known_on` (a complaint's filing
 * time limit counts from it), the table of days the government declared (swaps, moved holidays;
 * the ones src/deadlines/declared-days.ts ships are written in), and recomputes every stored due
 * date with the new rules (petitions received before the table's acts keep theirs).
 */
type Row = DeadlineRow;

export class WorkingDayDeadlines1764200000010 implements MigrationInterface {
  name = "WorkingDayDeadlines1764200000010";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns("petition", [
      new TableColumn({ name: "acceptance_due_on", type: "date", isNullable: true }),
      new TableColumn({ name: "decision_known_on", type: "date", isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: "declared_calendar_day",
        columns: [
          { name: "on_date", type: "date", isPrimary: true },
          { name: "working", type: "boolean" },
          { name: "decision", type: "varchar", length: "300" },
          { name: "declared_by", type: "varchar", length: "120" },
        ],
      }),
    );
    for (const d of DECLARED_DAYS) {
      await q.query(
        `INSERT INTO declared_calendar_day (on_date, working, decision, declared_by) VALUES (${q.connection.driver.options.type === "postgres" ? "$1, $2, $3, $4" : "?, ?, ?, ?"})`,
        [d.on, d.working, d.decision, "migration"],
      );
    }
    const rows: Row[] = await q.query(
      "SELECT id, kind, complaint_round, complexity, is_remote_area, status, received_on, accepted_on, extensions_used, extended_days, due_on FROM petition",
    );
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const facts = {
        kind: r.kind,
        round: r.complaint_round,
        complexity: r.complexity,
        isRemoteArea: r.is_remote_area === true || Number(r.is_remote_area) === 1,
        status: r.status,
        receivedOn: day(r.received_on)!,
        acceptedOn: day(r.accepted_on),
        extensionsUsed: Number(r.extensions_used),
        extendedDays: Number(r.extended_days),
      };
      let acceptance: string;
      let due: string | null;
      try {
        acceptance = acceptanceDueOn(facts, BUILT_IN_CALENDAR);
        due = dueOn(facts, BUILT_IN_CALENDAR);
      } catch (err) {
        if (err instanceof NoRuleInForceError || err instanceof RangeError) continue;
        throw err;
      }
      const key = JSON.stringify([acceptance, due]);
      groups.set(key, [...(groups.get(key) ?? []), Number(r.id)]);
    }
    const pg = q.connection.driver.options.type === "postgres";
    for (const [key, ids] of groups) {
      const [acceptance, due] = JSON.parse(key) as [string, string | null];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await q.query(
          `UPDATE petition SET acceptance_due_on = ${pg ? "$1" : "?"}, due_on = ${pg ? "$2" : "?"} WHERE id IN (${chunk.join(", ")})`,
          [acceptance, due],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("declared_calendar_day");
    await q.dropColumn("petition", "decision_known_on");
    await q.dropColumn("petition", "acceptance_due_on");
  }
}
