import { MemberStatus } from "./member-status.js";

/**
 * Membership rules, free of GraphQL and TypeORM. A membership counts on a date when it began
 * on or before that date and had not ended by it (the day it ends it no longer counts).
 */
export function isMemberOn(m: { joinedOn: string; leftOn: string | null }, date: string): boolean {
  return m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);
}

export type ExitProblem = { path: string; message: string };

/** Checks an exit (transfer, ceasing, death) against the membership it ends. */
export function exitProblems(
  m: { joinedOn: string; leftOn: string | null; status: MemberStatus },
  exit: { leftOn: string; status: MemberStatus },
  today: string,
): ExitProblem[] {
  const problems: ExitProblem[] = [];
  if (m.status !== MemberStatus.ACTIVE || m.leftOn !== null) {
    problems.push({ path: "input.memberId", message: "membership has already ended" });
  }
  if (exit.status === MemberStatus.ACTIVE) {
    problems.push({ path: "input.status", message: "an exit must be TRANSFERRED, CEASED or DECEASED" });
  }
  if (exit.leftOn < m.joinedOn) problems.push({ path: "input.leftOn", message: "must not be before the join date" });
  if (exit.leftOn > today) problems.push({ path: "input.leftOn", message: "must not be in the future" });
  return problems;
}

/** Checks a new membership's dates. */
export function joinProblems(j: { joinedOn: string; birthYear?: number | null }, today: string): ExitProblem[] {
  const problems: ExitProblem[] = [];
  if (j.joinedOn > today) problems.push({ path: "input.joinedOn", message: "must not be in the future" });
  if (j.birthYear != null) {
    const ageAtJoin = Number(j.joinedOn.slice(0, 4)) - j.birthYear;
    if (ageAtJoin < 14)
      problems.push({ path: "input.birthYear", message: "a member must be at least 14 when joining" });
  }
  return problems;
}
