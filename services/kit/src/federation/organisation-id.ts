/**
 * Organisation ids: "<kind's short code>-<unit code>", one committee per kind and unit, as the
 * organisations subgraph makes them ("MTTQ-89", "HND-883", "HPN-30280"). Every subgraph that
 * names an organisation reads and checks ids with this codec.
 */
export const ORGANISATION_PREFIXES = ["MTTQ", "HND", "HPN", "DTN", "CCB", "LDLD"] as const;
export type OrganisationPrefix = (typeof ORGANISATION_PREFIXES)[number];

/** The Fatherland Front's committees (which keep the Funds for the Poor). */
export const FRONT_PREFIX: OrganisationPrefix = "MTTQ";

export const ORGANISATION_ID = new RegExp(`^(${ORGANISATION_PREFIXES.join("|")})-(\\d{2}|\\d{3}|\\d{5})$`);

export interface OrganisationId {
  prefix: OrganisationPrefix;
  unitCode: string;
}

/** The parts of an organisation id, or null when it is not one. */
export function parseOrganisationId(id: string): OrganisationId | null {
  const m = ORGANISATION_ID.exec(id);
  return m ? { prefix: m[1] as OrganisationPrefix, unitCode: m[2]! } : null;
}

export function organisationIdOf(prefix: OrganisationPrefix, unitCode: string): string {
  return `${prefix}-${unitCode}`;
}
