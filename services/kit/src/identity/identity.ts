/** Roles of the graph (docs/product.md, "Who may see what"). The public has no role at all. */
export const Role = {
  OFFICER: "OFFICER",
  HANDLING_OFFICER: "HANDLING_OFFICER",
  ANALYST: "ANALYST",
  ADMIN: "ADMIN",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Who is calling, as verified by the gateway and forwarded to the subgraphs. */
export interface Identity {
  /** Subject of the caller's token; "anonymous" for the public. */
  readonly sub: string;
  readonly roles: readonly Role[];
  /** The organisation an officer works for (an `Organisation.id`). */
  readonly organisationId?: string;
  /** The administrative unit an officer's scope covers, with the units below it. */
  readonly unitCode?: string;
}

export const ANONYMOUS: Identity = Object.freeze({ sub: "anonymous", roles: [] });

export function isAnonymous(identity: Identity): boolean {
  return identity.roles.length === 0;
}

export function hasAnyRole(identity: Identity, roles: readonly Role[]): boolean {
  return roles.some((r) => identity.roles.includes(r));
}

export function parseRoles(value: unknown): Role[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is Role => typeof r === "string" && (ALL_ROLES as readonly string[]).includes(r));
}

/**
 * The subjects the petitions seed gives the handling officers of a commune (`officer-30280-1`
 * to `-3`): the IDE page lists them so that a newcomer can act as a petition's handler.
 */
export const HANDLING_OFFICERS_PER_COMMUNE = 3;
export function seededHandlingOfficers(communeCode: string): string[] {
  return Array.from({ length: HANDLING_OFFICERS_PER_COMMUNE }, (_, i) => `officer-${communeCode}-${i + 1}`);
}
