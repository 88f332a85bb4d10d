import {
  canSeeUnit,
  ForbiddenError,
  hasAnyRole,
  isAnonymous,
  kitMessage,
  UnauthenticatedError,
  type Identity,
} from "@danvan/kit";
import { petitionsMessage } from "../messages.js";
import type { Petition } from "./petition.entity.js";

/** Petition records are never public (docs/product.md, "Who may see what"). */
export const PETITION_READERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN", "ANALYST"] as const;

export function isHandlingOfficer(identity: Identity, p: Pick<Petition, "handlingOfficer">): boolean {
  return hasAnyRole(identity, ["HANDLING_OFFICER"]) && p.handlingOfficer !== null && p.handlingOfficer === identity.sub;
}

/** A petition's unit is the one its commune code named on its receipt day (canSeeUnit with a date). */
export function assertCanReadPetition(
  identity: Identity,
  p: Pick<Petition, "communeCode" | "handlingOfficer" | "receivedOn">,
): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (isHandlingOfficer(identity, p)) return;
  if (!hasAnyRole(identity, ["OFFICER", "ADMIN", "ANALYST"]) || !canSeeUnit(identity, p.communeCode, p.receivedOn)) {
    throw new ForbiddenError(kitMessage("outOfScope", { thing: petitionsMessage("thingPetition") }));
  }
}

/** Steps are taken by the handling officer, an officer of the unit, or an administrator. */
export function assertCanHandle(
  identity: Identity,
  p: Pick<Petition, "communeCode" | "handlingOfficer" | "receivedOn">,
): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (isHandlingOfficer(identity, p)) return;
  if (!hasAnyRole(identity, ["OFFICER", "ADMIN"]) || !canSeeUnit(identity, p.communeCode, p.receivedOn)) {
    throw new ForbiddenError(petitionsMessage("notHandler"));
  }
}
