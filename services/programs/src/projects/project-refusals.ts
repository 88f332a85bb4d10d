import { kitMessage, type FieldProblem } from "@danvan/kit";
import { endsBeforeItStarts } from "./project-rules.js";

/**
 * The project rules' refusals as the input's field problems: the one place where the projects
 * feature translates them. A project ending before it starts names the date the caller sent
 * (`blame`), so a change of startsOn alone points at startsOn.
 */
export function projectDateProblems(
  dates: { startsOn: string; endsOn: string | null },
  blame: "startsOn" | "endsOn" = "endsOn",
): FieldProblem[] {
  if (!endsBeforeItStarts(dates)) return [];
  return [
    blame === "endsOn"
      ? { path: "input.endsOn", message: kitMessage("notBefore", { other: "startsOn" }) }
      : { path: "input.startsOn", message: kitMessage("notAfter", { other: "endsOn" }) },
  ];
}
