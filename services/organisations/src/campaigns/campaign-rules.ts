import { kitMessage, type FieldProblem } from "@danvan/kit";
import { orgMessage } from "../messages.js";

type Span = { startsOn: string; endsOn?: string | null };

/**
 * A campaign's dates: it ends after it starts; a sub-campaign runs within its parent; phases
 * run within the campaign and in order.
 */
export function campaignProblems(c: Span & { phases: readonly Span[] }, parent: Span | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const notBeforeStart = kitMessage("notBefore", { other: orgMessage("otherStartsOn") });
  const end = c.endsOn ?? null;
  if (end !== null && end < c.startsOn) problems.push({ path: "input.endsOn", message: notBeforeStart });
  if (parent) {
    if (c.startsOn < parent.startsOn) {
      problems.push({
        path: "input.startsOn",
        message: kitMessage("notBefore", { other: orgMessage("otherParentStart") }),
      });
    }
    if (parent.endsOn && (end === null || end > parent.endsOn)) {
      problems.push({ path: "input.endsOn", message: kitMessage("notAfter", { other: orgMessage("otherParentEnd") }) });
    }
  }
  let previousEnd: string | null = null;
  c.phases.forEach((p, i) => {
    const at = `input.phases.${i}`;
    if (p.endsOn != null && p.endsOn < p.startsOn) problems.push({ path: `${at}.endsOn`, message: notBeforeStart });
    if (p.startsOn < c.startsOn || (end !== null && (p.endsOn ?? end) > end)) {
      problems.push({ path: at, message: orgMessage("phaseWithinCampaign") });
    }
    if (previousEnd !== null && p.startsOn <= previousEnd) {
      problems.push({ path: `${at}.startsOn`, message: orgMessage("phaseAfterPrevious") });
    }
    previousEnd = p.endsOn ?? null;
  });
  return problems;
}
