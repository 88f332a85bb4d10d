import {
  ancestorCodes,
  BadUserInputError,
  kitMessage,
  NotFoundError,
  unitByCode,
  type ReferenceUnit,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";

/**
 * Organisation ids are "<PREFIX>-<unit code>" (the organisations subgraph makes them so): the
 * Front (MTTQ) and the five socio-political organisations, one committee per unit.
 */
export const ORGANISATION_ID = /^(MTTQ|HND|HPN|DTN|CCB|LDLD)-(\d{2}|\d{3}|\d{5})$/;

export const ORGANISATION_ID_MESSAGE = programsMessage("organisationId");

/** The unit an organisation id names. */
export function committeeUnitCode(organisationId: string): string {
  return organisationId.slice(organisationId.indexOf("-") + 1);
}

/**
 * The committee's unit and the record's unit: the committee must be of a known unit, and the
 * record's unit (the committee's own by default) must be that unit or one below it — a
 * committee runs work in its own area only.
 */
export function committeeAndUnit(
  organisationId: string,
  unitCode: string | null | undefined,
  prefix = "input",
): { committeeUnit: ReferenceUnit; unit: ReferenceUnit } {
  if (!ORGANISATION_ID.test(organisationId))
    throw BadUserInputError.field(`${prefix}.organisationId`, ORGANISATION_ID_MESSAGE);
  const committeeUnit = unitByCode(committeeUnitCode(organisationId));
  if (!committeeUnit) throw new NotFoundError(programsMessage("thingOrganisation"), `${prefix}.organisationId`);
  if (unitCode == null) return { committeeUnit, unit: committeeUnit };
  const unit = unitByCode(unitCode);
  if (!unit) throw new NotFoundError(kitMessage("thingUnit"), `${prefix}.unitCode`);
  if (unit.code !== committeeUnit.code && !ancestorCodes(unit.code).includes(committeeUnit.code)) {
    throw BadUserInputError.field(`${prefix}.unitCode`, programsMessage("unitOutsideCommittee"));
  }
  return { committeeUnit, unit };
}
