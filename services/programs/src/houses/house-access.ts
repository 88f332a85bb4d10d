import {
  canSeeUnit,
  ForbiddenError,
  hasAnyRole,
  isAnonymous,
  kitMessage,
  UnauthenticatedError,
  type Identity,
} from "@danvan/kit";

/** Houses belong to households (personal records): officers in scope, administrators, analysts. */
export const HOUSE_READERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN", "ANALYST"] as const;

/**
 * Refuses the public (UNAUTHENTICATED) and officers outside the unit (FORBIDDEN): with `on` (a
 * house's proposal day), the unit its commune code named that day (canSeeUnit).
 */
export function assertCanReadHouses(identity: Identity, unitCode: string, on?: string): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (!hasAnyRole(identity, [...HOUSE_READERS])) throw new ForbiddenError();
  if (!canSeeUnit(identity, unitCode, on))
    throw new ForbiddenError(kitMessage("outOfScope", { thing: kitMessage("thingUnit") }));
}
