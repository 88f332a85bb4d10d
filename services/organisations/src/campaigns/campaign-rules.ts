import type { FieldProblem } from "@danvan/kit";

type Span = { startsOn: string; endsOn?: string | null };

/**
 * A campaign's dates: it ends after it starts; a sub-campaign runs within its parent; phases
 * run within the campaign and in order.
 */
export function campaignProblems(c: Span & { phases: readonly Span[] }, parent: Span | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const end = c.endsOn ?? null;
  if (end !== null && end < c.startsOn) problems.push({ path: "input.endsOn", message: "must not be before startsOn" });
  if (parent) {
    if (c.startsOn < parent.startsOn)
      problems.push({ path: "input.startsOn", message: "must not be before the parent campaign starts" });
    if (parent.endsOn && (end === null || end > parent.endsOn)) {
      problems.push({ path: "input.endsOn", message: "must not be after the parent campaign ends" });
    }
  }
  let previousEnd: string | null = null;
  c.phases.forEach((p, i) => {
    const at = `input.phases.${i}`;
    if (p.endsOn != null && p.endsOn < p.startsOn)
      problems.push({ path: `${at}.endsOn`, message: "must not be before startsOn" });
    if (p.startsOn < c.startsOn || (end !== null && (p.endsOn ?? end) > end)) {
      problems.push({ path: at, message: "must run within the campaign" });
    }
    if (previousEnd !== null && p.startsOn <= previousEnd)
      problems.push({ path: `${at}.startsOn`, message: "must start after the previous phase ends" });
    previousEnd = p.endsOn ?? null;
  });
  return problems;
}
