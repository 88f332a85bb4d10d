import { BadUserInputError, isKienGiangUnit, kitMessage, unitOn, type UnitVersion } from "@danvan/kit";
import { monthBounds } from "../reception/index.js";

/**
 * The unit whose chair a month's reception compliance judges: the version the code named at the
 * month's end (or, for a unit that ended during it, at its start). Compliance is a chair's duty
 * in that month, not a figure summed over a territory through time, so a code names the unit of
 * the month: 30307 in 2019 is Phường Mỹ Hòa, in 2026 Phường Long Xuyên. Refused at `field`: a
 * code that named no unit that month, and old Kiên Giang's units before 2025-07-01 (no records).
 */
export function monthUnitOf(code: string, month: string, field: string): UnitVersion {
  const { first, last } = monthBounds(month);
  const v = unitOn(code, last) ?? unitOn(code, first);
  if (!v) throw BadUserInputError.field(field, kitMessage("unitNotInForce"));
  if (isKienGiangUnit(v)) throw BadUserInputError.field(field, kitMessage("recordsNotHeld"));
  return v;
}

/** The day a month's drill-down is taken on: the month's last day, within the version's validity. */
export function monthViewDay(v: UnitVersion, month: string): string {
  const { last } = monthBounds(month);
  if (v.validTo !== null && last > v.validTo) return v.validTo;
  return last < v.validFrom ? v.validFrom : last;
}
