import {
  BadUserInputError,
  checkUnitArgument,
  kitMessage,
  unitByCode,
  type PageRequest,
  type ReferenceUnit,
} from "@danvan/kit";

/**
 * Checks of the arguments several features take (a unit, a period, a cursor), each a coded
 * error naming the argument and never repeating the value sent.
 */

/** A known reference unit, by the kit's unit-code check (malformed: BAD_USER_INPUT; unknown: NOT_FOUND). */
export function unitArgument(code: string, field: string): ReferenceUnit {
  checkUnitArgument(code, field);
  return unitByCode(code)!;
}

/** `from` must not come after `to`; either may be left open. */
export function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
}

/** The lists here page by integer id: any other cursor was not made by them. */
export function checkIntegerCursor(page: Pick<PageRequest, "afterKey">): void {
  if (page.afterKey !== null && !Number.isInteger(page.afterKey))
    throw BadUserInputError.field("after", kitMessage("cursor"));
}
