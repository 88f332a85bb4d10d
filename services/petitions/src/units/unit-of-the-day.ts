import {
  BadUserInputError,
  isKienGiangUnit,
  kitMessage,
  NotFoundError,
  unitOn,
  versionsOf,
  type UnitVersion,
} from "@danvan/kit";
import { petitionsMessage } from "../messages.js";

/**
 * The unit a fact dated `on` is recorded at: the version `code` named that day, on the map of the
 * day. A petition received from 2025-07-01 names a 2025 commune (Resolution 1654/NQ-UBTVQH15),
 * one received before a commune of the map then; a session likewise. Refused, at `field`:
 * a code that never named such a unit (NOT_FOUND), a unit not in force that day, and old Kiên
 * Giang's units before 2025-07-01, whose records this system does not hold (its figures say so
 * through `coverage`, never with a stray record).
 */
export function unitOfTheDay(code: string, on: string, field: string, communesOnly: boolean): UnitVersion {
  const fits = (v: UnitVersion) => !communesOnly || v.level === "COMMUNE";
  if (!versionsOf(code).some(fits))
    throw new NotFoundError(kitMessage(communesOnly ? "thingCommune" : "thingUnit"), field);
  const v = unitOn(code, on);
  if (!v || !fits(v)) throw BadUserInputError.field(field, petitionsMessage("unitNotInForce"));
  if (isKienGiangUnit(v)) throw BadUserInputError.field(field, petitionsMessage("recordsNotHeld"));
  return v;
}
