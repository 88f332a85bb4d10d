import type { EntityManager } from "typeorm";
import { BUILT_IN_CALENDAR, type WorkingCalendar } from "../deadlines/working-calendar.js";
import { DeclaredCalendarDay } from "./declared-calendar-day.entity.js";

/**
 * The server's working calendar: the built-in one (the Labour Code's holidays and the announced
 * swaps this code ships) with every day an administrator declared (one statement; the table holds
 * a few rows a year). Read inside the caller's transaction, so a step counts with the days
 * declared before it.
 */
export async function calendarFor(m: EntityManager): Promise<WorkingCalendar> {
  const rows = await m.find(DeclaredCalendarDay, { order: { on: "ASC" } });
  return rows.length === 0 ? BUILT_IN_CALENDAR : BUILT_IN_CALENDAR.with(rows);
}
