import { latestUnit, unitVersions, windowsOf, windowsSql, type ReferenceUnit } from "@danvan/kit";

/**
 * A WHERE condition selecting the rows of a unit and every unit below it: the province holds every
 * row, a district matches its district column (indexed), and any other unit (a commune; a province
 * or commune of either map) the windows of its territory through time (kit windowsSql): a row
 * counts where its unit was in force on the row's `dateColumn`, so a commune formed on 2025-07-01
 * holds its predecessors' rows (chains included) and an ended unit never holds a later row kept
 * under its reused code (30307's from 2025-07-01 are Phường Long Xuyên's, not Phường Mỹ Hòa's).
 */
export function subtreeCondition(
  unit: ReferenceUnit,
  columns: { unitColumn: string; districtColumn: string; dateColumn: string },
): { where: string; params: Record<string, string | string[]> } {
  const version = latestUnit(unit.code);
  if (unit.level === "DISTRICT")
    return { where: `${columns.districtColumn} = :scopeUnit`, params: { scopeUnit: unit.code } };
  if (!version) return { where: "1 = 0", params: {} };
  const params: Record<string, string> = {};
  const where = windowsSql(
    windowsOf(version, ["PROVINCE", "DISTRICT", "COMMUNE"]),
    columns.unitColumn,
    columns.dateColumn,
    (v) => {
      const name = `scope${Object.keys(params).length}`;
      params[name] = v;
      return `:${name}`;
    },
  );
  return { where, params };
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

/** `?, ?, …` for an IN list of `codes` (the statements pass the codes as parameters); `NULL`, matching nothing, for none. */
export function inList(codes: readonly string[]): string {
  return codes.length === 0 ? "NULL" : codes.map(() => "?").join(", ");
}
