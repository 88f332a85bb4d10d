import { BadUserInputError, districtOf, kitMessage, valuesTable, type FieldProblem } from "@danvan/kit";
import { checkGrouping } from "@danvan/kit/aggregates";
import type { DataSource } from "typeorm";
import { inList } from "../units.js";

/**
 * What the four grouped aggregates share besides their statement: their argument checks (every
 * fault at once, by path, never quoting a value) and the SQL that scopes them to a unit's communes.
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
 * A unit's communes with their districts, as the place table `s` of a grouping
 * (`s.commune_code`, `s.district_code`): the DISTRICT of a fact is its commune's, also when the
 * unit asked about is a commune.
 */
export function communePlaces(
  ds: DataSource,
  communes: readonly string[],
  key: string,
): { key: string; table: { sql: string; params: string[] }; column: string } {
  return {
    key,
    table: valuesTable(
      ds,
      communes.map((c) => [c, districtOf(c)!]),
      "s",
      ["commune_code", "district_code"],
    ),
    column: "commune_code",
  };
}
