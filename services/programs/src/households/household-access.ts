import {
  canSeeUnit,
  ForbiddenError,
  hasAnyRole,
  isAnonymous,
  kitMessage,
  UnauthenticatedError,
  type Identity,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";

/** Roles that read household records; analysts see them with personal identifiers masked. */
export const HOUSEHOLD_READERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN", "ANALYST"] as const;

/**
 * Refuses the public and officers outside the household's unit: with `on` (a household's
 * registration day), the unit its commune code named that day (canSeeUnit).
 */
export function assertCanReadHousehold(identity: Identity, communeCode: string, on?: string): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (!hasAnyRole(identity, [...HOUSEHOLD_READERS])) throw new ForbiddenError();
  if (!canSeeUnit(identity, communeCode, on))
    throw new ForbiddenError(kitMessage("outOfScope", { thing: programsMessage("thingHousehold") }));
}

/** Analysts (without another role) get personal identifiers masked. */
export function seesPersonalData(identity: Identity): boolean {
  return hasAnyRole(identity, ["ADMIN", "OFFICER", "HANDLING_OFFICER"]);
}
