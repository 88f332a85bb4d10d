import {
  BadUserInputError,
  kitMessage,
  NotFoundError,
  unitByCode,
  UNIT_CODE_PATTERN,
  type ReferenceUnit,
} from "@danvan/kit";

/** A known reference unit, or a coded error naming the argument (the code is not echoed back). */
export function requireUnit(code: string, field: string): ReferenceUnit {
  if (!UNIT_CODE_PATTERN.test(code)) throw BadUserInputError.field(field, kitMessage("unitCode"));
  const unit = unitByCode(code);
  if (!unit) throw new NotFoundError(kitMessage("thingUnit"), field);
  return unit;
}

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

/** `from` must not come after `to`; either may be left open. */
export function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
}
