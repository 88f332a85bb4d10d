import { kitMessage, type FieldProblem } from "@danvan/kit";
import { orgMessage } from "../messages.js";
import { MemberStatus } from "./member-status.js";

/**
 * Membership rules, free of GraphQL and TypeORM. A membership counts on a date when it began
 * on or before that date and had not ended by it (the day it ends it no longer counts).
 */
export function isMemberOn(m: { joinedOn: string; leftOn: string | null }, date: string): boolean {
  return m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);
}

/** Checks an exit (transfer, ceasing, death) against the membership it ends. */
export function exitProblems(
  m: { joinedOn: string; leftOn: string | null; status: MemberStatus },
  exit: { leftOn: string; status: MemberStatus },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (m.status !== MemberStatus.ACTIVE || m.leftOn !== null) {
    problems.push({ path: "input.memberId", message: orgMessage("membershipEnded") });
  }
  if (exit.status === MemberStatus.ACTIVE) {
    problems.push({ path: "input.status", message: orgMessage("exitStatus") });
  }
  if (exit.leftOn < m.joinedOn) {
    problems.push({ path: "input.leftOn", message: kitMessage("notBefore", { other: orgMessage("otherJoinDate") }) });
  }
  if (exit.leftOn > today) problems.push({ path: "input.leftOn", message: kitMessage("notInFuture") });
  return problems;
}

/**
 * Checks a new membership's date. Who may join which organisation (ages, gender, grassroots
 * unions) is each organisation's rules: membership-rules.ts.
 */
export function joinProblems(j: { joinedOn: string }, today: string): FieldProblem[] {
  return j.joinedOn > today ? [{ path: "input.joinedOn", message: kitMessage("notInFuture") }] : [];
}
