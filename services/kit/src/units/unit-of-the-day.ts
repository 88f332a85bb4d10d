import { BadUserInputError, NotFoundError } from "../errors.js";
import { kitMessage } from "../i18n/messages.js";
import { isKienGiangUnit, unitOn, versionsOf, type UnitVersion } from "./timeline.js";

/**
 * The unit a fact dated `on` is recorded at: the version `code` named that day, on the map of the
 * day (from 2025-07-01 a 2025 commune or province 91, before a unit of the map then). Every
 * subgraph's writes check their unit with it. Refused, at `field`: a code that never named such a
 * unit (NOT_FOUND), a unit not in force that day, and old Kiên Giang's units before 2025-07-01,
 * whose records this system does not hold (their figures say so through `coverage`, never a stray
 * record).
 */
export function unitOfTheDay(code: string, on: string, field: string, communesOnly = false): UnitVersion {
  const fits = (v: UnitVersion) => !communesOnly || v.level === "COMMUNE";
  if (!versionsOf(code).some(fits))
    throw new NotFoundError(kitMessage(communesOnly ? "thingCommune" : "thingUnit"), field);
  const v = unitOn(code, on);
  if (!v || !fits(v)) throw BadUserInputError.field(field, kitMessage("unitNotInForce"));
  if (isKienGiangUnit(v)) throw BadUserInputError.field(field, kitMessage("recordsNotHeld"));
  return v;
}
