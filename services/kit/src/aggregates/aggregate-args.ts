import { registerEnumType } from "type-graphql";
import { BadUserInputError, type FieldProblem } from "../errors.js";
import { kitMessage } from "../i18n/messages.js";

/** Which way an aggregate's rows are sorted by a dimension or measure. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending or descending." });

/** Rows an aggregate returns by default, and at most (`first`). */
export const AGGREGATE_DEFAULT_ROWS = 100;
export const AGGREGATE_MAX_ROWS = 1000;

/** How `first` reads: the default when absent. */
export function aggregateRowLimit(first: number | null | undefined): number {
  return first ?? AGGREGATE_DEFAULT_ROWS;
}

/** A grouping names each dimension once, and at most this many at a time. */
export const MAX_DIMENSIONS = 4;

/**
 * A grouping's own faults, all at once: a dimension named twice, too many dimensions, a sort on
 * something neither grouped nor measured, a `first` out of range (BAD_USER_INPUT by path).
 */
export function checkGrouping<D extends string>(args: {
  groupBy: readonly D[];
  orderBy?: readonly { by: string }[] | null;
  first?: number | null;
  measures: readonly string[];
  filter?: object | null;
}): void {
  const problems: FieldProblem[] = [...filterListProblems(args.filter)];
  args.groupBy.forEach((d, i) => {
    if (args.groupBy.indexOf(d) !== i) problems.push({ path: `groupBy.${i}`, message: kitMessage("dimensionTwice") });
  });
  if (args.groupBy.length > MAX_DIMENSIONS)
    problems.push({ path: "groupBy", message: kitMessage("arrayMaxSize", { max: MAX_DIMENSIONS }) });
  (args.orderBy ?? []).forEach((o, i) => {
    if (!args.measures.includes(o.by) && !(args.groupBy as readonly string[]).includes(o.by))
      problems.push({ path: `orderBy.${i}.by`, message: kitMessage("sortNotGrouped") });
  });
  if (args.first != null && (args.first < 1 || args.first > AGGREGATE_MAX_ROWS))
    problems.push({ path: "first", message: kitMessage("between", { min: 1, max: AGGREGATE_MAX_ROWS }) });
  if (problems.length) throw new BadUserInputError(problems);
}

/**
 * A filter's lists that are given must name something: an empty list would match nothing, which
 * is never what an analyst means (every aggregate refuses it the same way, by path).
 */
export function filterListProblems(filter: object | null | undefined): FieldProblem[] {
  return Object.entries(filter ?? {})
    .filter(([, values]) => Array.isArray(values) && values.length === 0)
    .map(([name]) => ({ path: `filter.${name}`, message: kitMessage("arrayNotEmpty") }));
}
