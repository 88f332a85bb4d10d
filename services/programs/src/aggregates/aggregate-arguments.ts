import { BadUserInputError, kitMessage, type CoverageOptions, type FieldProblem, type FigureUnit } from "@danvan/kit";
import { checkGrouping } from "@danvan/kit/aggregates";
import { UnitMap } from "@danvan/kit/federation";
import { coverageFor, figureRef, type Coverage } from "../figure-units.js";
import { inList } from "../units.js";
import { splitCommunesIn } from "./unit-places.js";

/**
 * What the four grouped aggregates share besides their statement: their argument checks (every
 * fault at once, by path, never quoting a value), the SQL that scopes them to a unit's communes
 * and their coverage.
 */

/** The grouping's faults (the kit's checkGrouping) and the aggregate's own, as one BAD_USER_INPUT. */
export function checkAggregate(
  grouping: {
    groupBy: readonly string[];
    orderBy?: readonly { by: string }[] | null;
    first?: number | null;
    measures: readonly string[];
  },
  own: readonly FieldProblem[],
): void {
  const problems: FieldProblem[] = [];
  try {
    checkGrouping(grouping);
  } catch (err) {
    if (!(err instanceof BadUserInputError)) throw err;
    problems.push(...err.problems);
  }
  problems.push(...own);
  if (problems.length) throw new BadUserInputError(problems);
}

/** A period that ends before it starts is at fault on `from`; either end may be open. */
export function periodProblems(from: string | null | undefined, to: string | null | undefined): FieldProblem[] {
  return from && to && from > to ? [{ path: "from", message: kitMessage("notAfter", { other: "to" }) }] : [];
}

/** `column IN (?, …)` with its parameters, or nothing when the list is not given. */
export function inFilter(
  column: string,
  values: readonly string[] | null | undefined,
): { sql: string; params: string[] } {
  if (!values?.length) return { sql: "", params: [] };
  return { sql: ` AND ${column} IN (${inList(values)})`, params: [...values] };
}

/**
 * An aggregate's coverage: its unit's (kit coverageOf); on the TODAY map, also approximate when a
 * group holds the facts of a commune split in 2025 (placed under one part), the split communes of
 * its scope then listed as counted whole.
 */
export function aggregateCoverage(
  unit: FigureUnit,
  map: UnitMap,
  flagged: boolean,
  scope: readonly string[],
  opts: CoverageOptions = {},
): Coverage {
  const own = coverageFor(unit, opts);
  if (map !== UnitMap.TODAY || !flagged) return own;
  const known = new Set(own.countedWholeUnits.map((u) => `${u.code}@${u.validFrom}`));
  const split = splitCommunesIn(scope).filter((u) => !known.has(`${u.code}@${u.validFrom}`));
  return { ...own, approximate: true, countedWholeUnits: [...own.countedWholeUnits, ...split.map(figureRef)] };
}
