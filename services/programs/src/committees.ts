import {
  ancestorCodes,
  BadUserInputError,
  kitMessage,
  NotFoundError,
  parseOrganisationId,
  unitByCode,
  type ReferenceUnit,
} from "@danvan/kit";
import { programsMessage } from "./messages.js";

/**
 * What an organisationId input must look like, in this subgraph's words; the format itself is
 * the kit's organisation-id codec (the organisations subgraph makes the ids).
 */
export const ORGANISATION_ID_MESSAGE = programsMessage("organisationId");

/**
 * The committee's unit and the record's unit: the committee must be of a known unit, and the
 * record's unit (the committee's own by default) must be that unit or one below it — a
 * committee runs work in its own area only. Models and projects are registered this way.
 */
export function committeeAndUnit(
  organisationId: string,
  unitCode: string | null | undefined,
  prefix = "input",
): { committeeUnit: ReferenceUnit; unit: ReferenceUnit } {
  const id = parseOrganisationId(organisationId);
  if (!id) throw BadUserInputError.field(`${prefix}.organisationId`, ORGANISATION_ID_MESSAGE);
  const committeeUnit = unitByCode(id.unitCode);
  if (!committeeUnit) throw new NotFoundError(programsMessage("thingOrganisation"), `${prefix}.organisationId`);
  if (unitCode == null) return { committeeUnit, unit: committeeUnit };
  const unit = unitByCode(unitCode);
  if (!unit) throw new NotFoundError(kitMessage("thingUnit"), `${prefix}.unitCode`);
  if (unit.code !== committeeUnit.code && !ancestorCodes(unit.code).includes(committeeUnit.code)) {
    throw BadUserInputError.field(`${prefix}.unitCode`, programsMessage("unitOutsideCommittee"));
  }
  return { committeeUnit, unit };
}
