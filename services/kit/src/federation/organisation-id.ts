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

/**
 * The Farmers' Union reported 152 grassroots units in 2018, 9 of them in Thành phố Long Xuyên
 * (13 commune-level units) and one in every commune of the other ten districts. Which four
 * Long Xuyên wards have none is not published in the sources found: these four inner-city
 * wards are an illustrative choice (services/kit/data/README.md, "Organisations"). Here, in
 * the kit, because every subgraph that names a committee must name one that exists.
 */
export const WARDS_WITHOUT_FARMERS_UNION: readonly string[] = ["30283", "30285", "30286", "30295"];

/**
 * Whether the organisations subgraph has a committee of this kind at this unit (a code of the
 * reference units): the Labour Federation only at province and district level, the Farmers'
 * Union in every unit but the wards above, the others everywhere.
 */
export function hasCommittee(prefix: OrganisationPrefix, unitCode: string): boolean {
  if (prefix === "LDLD") return unitCode.length < 5;
  if (prefix === "HND") return !WARDS_WITHOUT_FARMERS_UNION.includes(unitCode);
  return true;
}

/**
 * A committee of the 2025 map ("HPN-30307-25", "LDLD-91-25"): the province 91's and each 2025
 * commune's, from 2025-07-01. The suffix keeps it apart from the 2019 map's "HPN-30307" (codes are
 * reused).
 */
export const COMMITTEE_2025_ID = new RegExp(`^(${ORGANISATION_PREFIXES.join("|")})-(\\d{2}|\\d{5})-25$`);

export function committeeId2025(prefix: OrganisationPrefix, unitCode: string): string {
  return `${prefix}-${unitCode}-25`;
}

/** The parts of a committee id of either map, with the map it belongs to; null when it is neither. */
export function parseCommitteeId(id: string): (OrganisationId & { map: 2019 | 2025 }) | null {
  const old = parseOrganisationId(id);
  if (old) return { ...old, map: 2019 };
  const m = COMMITTEE_2025_ID.exec(id);
  return m ? { prefix: m[1] as OrganisationPrefix, unitCode: m[2]!, map: 2025 } : null;
}

/**
 * Whether a 2025 committee of this organisation exists at a 2025 unit: the Labour Federation at the
 * province only, the others (the Farmers' Union included) at the province and every commune.
 */
export function hasCommittee2025(prefix: OrganisationPrefix, unitCode: string): boolean {
  return prefix === "LDLD" ? unitCode.length === 2 : true;
}
