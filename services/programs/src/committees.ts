import {
  BadUserInputError,
  isKienGiangUnit,
  kitMessage,
  COMMITTEE_2025_ID,
  NotFoundError,
  ORGANISATION_ID,
  parseCommitteeId,
  REORGANISATION_2025,
  unitOfTheDay,
  unitOn,
  versionsOf,
  type UnitVersion,
} from "@danvan/kit";
import { programsMessage } from "./messages.js";
import { ancestorsOnDay, districtOfTheDay } from "./unit-of-the-day.js";

/**
 * What an organisationId input must look like, in this subgraph's words; the format itself is
 * the organisations subgraph's (it makes the ids).
 */
export const ORGANISATION_ID_MESSAGE = programsMessage("organisationId");

/** A committee id of either map: "HND-883", "MTTQ-30307-25" (the kit's rule, `parseCommitteeId`). */
export const COMMITTEE_ID = new RegExp(`${ORGANISATION_ID.source}|${COMMITTEE_2025_ID.source}`);

/** Where a refusal points: the committee's and the unit's input paths. */
export interface CommitteePaths {
  organisationId: string;
  unitCode: string;
}

/** A record's committee and unit on its day, and the district of that day (null from 2025-07-01). */
export interface CommitteeAndUnit {
  committeeUnit: UnitVersion;
  unit: UnitVersion;
  districtCode: string | null;
}

/**
 * The committee's unit and the record's unit on the record's day `on` (a model's registration, a
 * project's start): the committee must be of a known unit and in force that day (the 2019 map's
 * committees until their unit's last day, the 2025 map's from 2025-07-01), and the record's unit
 * (the committee's own by default) must be in force that day and be that unit or one below it —
 * a committee runs work in its own area only. Models and projects are registered this way.
 */
export function committeeAndUnit(
  organisationId: string,
  unitCode: string | null | undefined,
  on: string,
  paths: CommitteePaths = { organisationId: "input.organisationId", unitCode: "input.unitCode" },
): CommitteeAndUnit {
  const id = parseCommitteeId(organisationId);
  if (!id) throw BadUserInputError.field(paths.organisationId, ORGANISATION_ID_MESSAGE);
  const code = id.unitCode;
  const map2025 = id.map === 2025;
  if (versionsOf(code).length === 0)
    throw new NotFoundError(programsMessage("thingOrganisation"), paths.organisationId);
  const committeeUnit = unitOn(code, on);
  if (!committeeUnit || committeeUnit.validFrom >= REORGANISATION_2025 !== map2025)
    throw BadUserInputError.field(paths.organisationId, programsMessage("committeeNotInForce"));
  if (isKienGiangUnit(committeeUnit)) throw BadUserInputError.field(paths.organisationId, kitMessage("recordsNotHeld"));
  let unit = committeeUnit;
  if (unitCode != null) {
    if (versionsOf(unitCode).length === 0) throw new NotFoundError(kitMessage("thingUnit"), paths.unitCode);
    unit = unitOfTheDay(unitCode, on, paths.unitCode);
    const same = (v: UnitVersion) => v.code === committeeUnit.code && v.validFrom === committeeUnit.validFrom;
    if (!same(unit) && !ancestorsOnDay(unit, on).some(same))
      throw BadUserInputError.field(paths.unitCode, programsMessage("unitOutsideCommittee"));
  }
  return { committeeUnit, unit, districtCode: districtOfTheDay(unit, on) };
}
