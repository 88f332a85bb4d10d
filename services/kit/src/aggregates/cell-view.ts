import { canSeeUnit } from "../auth.js";
import { hasAnyRole, type Identity } from "../identity/identity.js";
import { subtreeCodes } from "../units/reference-units.js";
import { SMALL_CELL } from "./suppression.js";

/**
 * Which of an aggregate's cells a caller reads in full (docs/graph-contract.md, issue 18):
 * analysts and administrators every cell; an officer every cell of a unit in their subtree, and
 * of rows whose grouped place lies in it; the public (and an officer elsewhere) sees a cell of
 * 1 to 4 (petitions, members) as suppressed, since so few could single out a person (a commune's
 * Veterans' Association members over 60, say). Used by the subgraphs whose aggregates count people.
 */
export type CellView = { readonly all: true } | { readonly all: false; readonly within: readonly string[] };

export function cellViewOf(identity: Identity, unitCode: string): CellView {
  if (hasAnyRole(identity, ["ANALYST", "ADMIN"])) return { all: true };
  if (hasAnyRole(identity, ["OFFICER", "HANDLING_OFFICER"]) && identity.unitCode) {
    if (canSeeUnit(identity, unitCode)) return { all: true };
    return { all: false, within: subtreeCodes(identity.unitCode) };
  }
  return { all: false, within: [] };
}

/**
 * SQL (1 or 0) that says a grouped row is read in the public's view: for an officer, unless one
 * of its grouped place columns names a unit of their subtree. `param` adds a bound value and
 * returns its placeholder.
 */
export function restrictedSql(view: CellView, placeColumns: readonly string[], param: (v: string) => string): string {
  if (view.all) return "0";
  if (view.within.length === 0 || placeColumns.length === 0) return "1";
  const inScope = placeColumns
    .map((c) => `(${c} IS NOT NULL AND ${c} IN (${view.within.map(param).join(", ")}))`)
    .join(" OR ");
  return `CASE WHEN ${inScope} THEN 0 ELSE 1 END`;
}

/**
 * A measure's sort key: a cell the caller reads as suppressed sorts as null (last), so the order
 * of the rows says nothing about the counts it hides.
 */
export function visibleMeasureSql(column: string, countColumn: string): string {
  return `CASE WHEN restricted = 1 AND ${countColumn} > 0 AND ${countColumn} < ${SMALL_CELL} THEN NULL ELSE ${column} END`;
}

/** `key` ascending or descending, nulls last on both databases. */
export function sortTerms(key: string, direction: "ASC" | "DESC"): string {
  return `CASE WHEN ${key} IS NULL THEN 1 ELSE 0 END ASC, ${key} ${direction}`;
}

/** A column of enum values, sorted in the enum's declaration order. */
export function declarationOrderSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(" ")} END`;
}
