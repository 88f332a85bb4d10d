import type { QueryRunner } from "typeorm";
import type { ComplaintRound, Complexity, PetitionKind, PetitionStatus } from "../src/lifecycle/petition-enums.js";

/**
 * What the migrations that recompute stored deadlines share: a petition row's deadline facts as
 * read, a stored date as a calendar date, and `?` placeholders as each driver wants them.
 */
export interface DeadlineRow {
  id: number | string;
  kind: PetitionKind;
  complaint_round: ComplaintRound | null;
  complexity: Complexity;
  is_remote_area: boolean | number;
  status: PetitionStatus;
  received_on: string | Date;
  accepted_on: string | Date | null;
  extensions_used: number | string;
  extended_days: number | string;
  acceptance_due_on?: string | Date | null;
  due_on: string | Date | null;
}

/** The columns a DeadlineRow reads (acceptance_due_on only where the table has it). */
export const DEADLINE_COLUMNS =
  "id, kind, complaint_round, complexity, is_remote_area, status, received_on, accepted_on, extensions_used, extended_days";

/** A stored date (a string on SQLite, a Date or string on PostgreSQL) as YYYY-MM-DD. */
export const day = (v: string | Date | null | undefined): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** `?` placeholders as the driver wants them ($1, $2, ... on PostgreSQL). */
export function sql(q: QueryRunner, text: string): string {
  if (q.connection.driver.options.type !== "postgres") return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** The facts due-dates.ts counts a petition's deadlines from. */
export function deadlineFacts(r: DeadlineRow) {
  return {
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
}
