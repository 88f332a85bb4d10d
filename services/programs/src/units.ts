import { latestUnit, REORGANISATION_2025, subtreeCodes, unitVersions, type ReferenceUnit } from "@danvan/kit";

/**
 * A WHERE condition selecting the rows of a unit and every unit below it, through the
 * denormalised columns (indexed): the province holds every row, a district matches its
 * district column, a commune its own column, and a commune formed on 2025-07-01 its own column
 * and its predecessors' (chains included: Phường Long Xuyên holds the six old wards' rows and Đông
 * Xuyên's). `unitColumn` is the row's own unit.
 */
export function subtreeCondition(
  unit: ReferenceUnit,
  columns: { unitColumn: string; districtColumn: string },
): { where: string; params: Record<string, string | string[]> } {
  if (unit.level === "PROVINCE") return { where: "1 = 1", params: {} };
  if (unit.level === "DISTRICT")
    return { where: `${columns.districtColumn} = :scopeUnit`, params: { scopeUnit: unit.code } };
  if ((latestUnit(unit.code)?.validFrom ?? "") >= REORGANISATION_2025)
    return { where: `${columns.unitColumn} IN (:...scopeUnits)`, params: { scopeUnits: subtreeCodes(unit.code) } };
  return { where: `${columns.unitColumn} = :scopeUnit`, params: { scopeUnit: unit.code } };
}

/**
 * Every code a unit has had through time (old An Giang's, old Kiên Giang's, the merged province's
 * and its 2025 communes'), and every commune's: the partial-period statements list them, so a
 * record kept under any of them is read.
 */
export const UNIT_CODES: readonly string[] = [...new Set(unitVersions.map((u) => u.code))];
export const COMMUNE_CODES: readonly string[] = [
  ...new Set(unitVersions.filter((u) => u.level === "COMMUNE").map((u) => u.code)),
];

/** `?, ?, …` for an IN list of `codes` (the statements pass the codes as parameters). */
export function inList(codes: readonly string[]): string {
  return codes.map(() => "?").join(", ");
}
