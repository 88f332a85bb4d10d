import { kitMessage } from "./i18n/messages.js";
import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";
import { hasAnyRole, isAnonymous, type Identity, type Role } from "./identity/identity.js";
import { subtreeCodes } from "./units/index.js";
import type { SubgraphContext } from "./context.js";

/**
 * type-graphql auth checker: `@Authorized()` needs any signed-in caller, `@Authorized(roles)`
 * one of those roles. Failures are coded: UNAUTHENTICATED for the public, FORBIDDEN otherwise.
 */
export class RoleAuthChecker implements AuthCheckerInterface<SubgraphContext, Role> {
  check({ context }: ResolverData<SubgraphContext>, roles: Role[]): boolean {
    const identity = context.identity;
    if (isAnonymous(identity)) throw new UnauthenticatedError();
    if (roles.length > 0 && !hasAnyRole(identity, roles)) throw new ForbiddenError();
    return true;
  }
}

/** Roles whose reads are not limited to a unit subtree. */
const PROVINCE_WIDE: readonly Role[] = ["ADMIN", "ANALYST"];

/**
 * The unit codes a caller may see records of: `null` means all of them (administrators,
 * analysts); an officer sees their unit and every unit below it; the public sees none.
 */
export function unitScopeOf(identity: Identity): ReadonlySet<string> | null {
  if (hasAnyRole(identity, PROVINCE_WIDE)) return null;
  if (!identity.unitCode) return new Set();
  return new Set(subtreeCodes(identity.unitCode));
}

export function canSeeUnit(identity: Identity, unitCode: string): boolean {
  const scope = unitScopeOf(identity);
  return scope === null || scope.has(unitCode);
}

export function assertCanWriteUnit(identity: Identity, unitCode: string): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (!hasAnyRole(identity, ["ADMIN", "OFFICER"]) || !canSeeUnit(identity, unitCode)) {
    throw new ForbiddenError(kitMessage("outOfScope", { thing: kitMessage("thingUnit") }));
  }
}
