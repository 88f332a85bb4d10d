import { kitMessage } from "./i18n/messages.js";
import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";
import { hasAnyRole, isAnonymous, type Identity, type Role } from "./identity/identity.js";
import { figureUnit, inWindows, subtreeCodes, windowsOf, type UnitWindow } from "./units/index.js";
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

/**
 * Whether a caller may see a unit's records. Without `on`, of the unit `unitCode` names now, whole
 * (holdsWholeUnit). With `on`, the day a record was kept under `unitCode`, of the unit the code
 * named that day (scopeWindowsOf): an officer of the old Thành phố Long Xuyên (883) sees 30307's
 * records of Phường Mỹ Hòa, never those of Phường Long Xuyên, which has the code from 2025-07-01.
 */
export function canSeeUnit(identity: Identity, unitCode: string, on?: string): boolean {
  if (hasAnyRole(identity, PROVINCE_WIDE)) return true;
  if (!identity.unitCode) return false;
  if (on !== undefined) return inWindows(scopeWindowsOf(identity) ?? [], unitCode, on);
  return holdsWholeUnit(identity.unitCode, unitCode);
}

const wholeUnitCache = new Map<string, boolean>();

/**
 * True when every version of `unitCode`'s unit (the one it names now: its units below and its
 * predecessors, each while in force) lies in the territory through time of `scopeCode`'s: an officer
 * of the old Thành phố Long Xuyên (883) may ask for Phường Mỹ Bình or Mỹ Xuyên, never for today's
 * Phường Long Xuyên (30307), which also holds records of 2025-07-01 on.
 */
function holdsWholeUnit(scopeCode: string, unitCode: string): boolean {
  const key = `${scopeCode}>${unitCode}`;
  const known = wholeUnitCache.get(key);
  if (known !== undefined) return known;
  const scope = new Map<string, UnitWindow[]>();
  for (const w of windowsOf(figureUnit(scopeCode), ALL_LEVELS)) scope.set(w.code, [...(scope.get(w.code) ?? []), w]);
  const target = windowsOf(figureUnit(unitCode), ALL_LEVELS);
  const inside = (w: UnitWindow) =>
    (scope.get(w.code) ?? []).some((s) => s.from <= w.from && (s.to === null || (w.to !== null && w.to <= s.to)));
  const answer = target.length > 0 && target.every(inside);
  if (wholeUnitCache.size > 50_000) wholeUnitCache.clear();
  wholeUnitCache.set(key, answer);
  return answer;
}

const ALL_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;

/**
 * The unit versions a caller may see records of, each with its validity (kit unit-windows): `null`
 * for all (administrators, analysts), none for the public; an officer, the windows of the unit their
 * code names now, its units below and its predecessors', every level.
 */
export function scopeWindowsOf(identity: Identity): readonly UnitWindow[] | null {
  if (hasAnyRole(identity, PROVINCE_WIDE)) return null;
  if (!identity.unitCode) return [];
  return windowsOf(figureUnit(identity.unitCode), ALL_LEVELS);
}

/**
 * The part of `windows` a caller may see: each window cut to the days the caller's scope holds its
 * code (`scope` null: all of it). A list keeps the rows of the result (kit windowsSql).
 */
export function windowsInScope(windows: readonly UnitWindow[], scope: readonly UnitWindow[] | null): UnitWindow[] {
  if (scope === null) return [...windows];
  const out: UnitWindow[] = [];
  for (const w of windows)
    for (const s of scope) {
      if (s.code !== w.code) continue;
      const from = w.from > s.from ? w.from : s.from;
      const to = w.to === null ? s.to : s.to === null ? w.to : w.to < s.to ? w.to : s.to;
      if (to === null || from <= to) out.push({ code: w.code, from, to, validFrom: w.validFrom });
    }
  return out;
}

/** Officers write in their scope; with `on`, the record's day, of the unit its code named that day (canSeeUnit). */
export function assertCanWriteUnit(identity: Identity, unitCode: string, on?: string): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (!hasAnyRole(identity, ["ADMIN", "OFFICER"]) || !canSeeUnit(identity, unitCode, on)) {
    throw new ForbiddenError(kitMessage("outOfScope", { thing: kitMessage("thingUnit") }));
  }
}
