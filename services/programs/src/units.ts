import { referenceUnits, type ReferenceUnit } from "@danvan/kit";

/**
 * A WHERE condition selecting the rows of a unit and every unit below it, through the
 * denormalised columns (indexed): the province holds every row, a district matches its
 * district column, a commune its own column. `unitColumn` is the row's own unit.
 */
export function subtreeCondition(
  unit: ReferenceUnit,
  columns: { unitColumn: string; districtColumn: string },
): { where: string; params: Record<string, string> } {
  if (unit.level === "PROVINCE") return { where: "1 = 1", params: {} };
  if (unit.level === "DISTRICT")
    return { where: `${columns.districtColumn} = :scopeUnit`, params: { scopeUnit: unit.code } };
  return { where: `${columns.unitColumn} = :scopeUnit`, params: { scopeUnit: unit.code } };
}

/** Every reference unit's code, and every commune's: the partial-period statements list them. */
export const UNIT_CODES: readonly string[] = referenceUnits.map((u) => u.code);
export const COMMUNE_CODES: readonly string[] = referenceUnits.filter((u) => u.level === "COMMUNE").map((u) => u.code);

/** `?, ?, …` for an IN list of `codes` (the statements pass the codes as parameters). */
export function inList(codes: readonly string[]): string {
  return codes.map(() => "?").join(", ");
}
