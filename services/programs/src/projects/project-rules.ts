import { kitMessage, type FieldProblem } from "@danvan/kit";

/**
 * A project's dates: it may run open-ended, but it cannot end before it starts. The problem
 * names the date the caller sent (`blame`), so a change of startsOn alone points at startsOn.
 */
export function projectDateProblems(
  dates: { startsOn: string; endsOn: string | null },
  blame: "startsOn" | "endsOn" = "endsOn",
): FieldProblem[] {
  if (dates.endsOn === null || dates.endsOn >= dates.startsOn) return [];
  return [
    blame === "endsOn"
      ? { path: "input.endsOn", message: kitMessage("notBefore", { other: "startsOn" }) }
      : { path: "input.startsOn", message: kitMessage("notAfter", { other: "endsOn" }) },
  ];
}
