import { BadUserInputError, NotFoundError } from "../errors.js";
import { kitMessage } from "../i18n/messages.js";
import { unitByCode } from "./reference-units.js";

/** Official GSO unit codes: 2 digits (province), 3 (district), 5 (commune). */
export const UNIT_CODE_PATTERN = /^(\d{2}|\d{3}|\d{5})$/;

/** A unit code argument: malformed is BAD_USER_INPUT, unknown is NOT_FOUND, both naming the field. */
export function checkUnitArgument(code: string, field = "unitCode"): void {
  if (!UNIT_CODE_PATTERN.test(code)) throw BadUserInputError.field(field, kitMessage("unitCode"));
  if (!unitByCode(code)) throw new NotFoundError(kitMessage("thingUnit"), field);
}
