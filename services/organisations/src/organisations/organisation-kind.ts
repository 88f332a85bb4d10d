import { registerEnumType } from "type-graphql";
import { organisationIdOf, type OrganisationPrefix } from "@danvan/kit";

/** The Front and the five socio-political organisations. */
export enum OrganisationKind {
  FATHERLAND_FRONT = "FATHERLAND_FRONT",
  FARMERS_UNION = "FARMERS_UNION",
  WOMENS_UNION = "WOMENS_UNION",
  YOUTH_UNION = "YOUTH_UNION",
  VETERANS_ASSOCIATION = "VETERANS_ASSOCIATION",
  LABOUR_FEDERATION = "LABOUR_FEDERATION",
}

registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "The Vietnam Fatherland Front (MTTQ) and the five socio-political organisations.",
});

/**
 * Official name prefix and the short code used in organisation ids ("HND-883"). The codes are the
 * kit's organisation-id prefixes, which every subgraph reads ids with: a new kind needs its code
 * added there first, or this table does not compile.
 */
export const ORGANISATION_KINDS: Record<OrganisationKind, { prefix: OrganisationPrefix; officialName: string }> = {
  FATHERLAND_FRONT: { prefix: "MTTQ", officialName: "Ủy ban Mặt trận Tổ quốc Việt Nam" },
  FARMERS_UNION: { prefix: "HND", officialName: "Hội Nông dân" },
  WOMENS_UNION: { prefix: "HPN", officialName: "Hội Liên hiệp Phụ nữ" },
  YOUTH_UNION: { prefix: "DTN", officialName: "Đoàn Thanh niên Cộng sản Hồ Chí Minh" },
  VETERANS_ASSOCIATION: { prefix: "CCB", officialName: "Hội Cựu chiến binh" },
  LABOUR_FEDERATION: { prefix: "LDLD", officialName: "Liên đoàn Lao động" },
};

export const ALL_ORGANISATION_KINDS = Object.values(OrganisationKind);

/** The committee of `kind` at `unitCode` has this id; deterministic, so other subgraphs can refer to it. */
export function organisationId(kind: OrganisationKind, unitCode: string): string {
  return organisationIdOf(ORGANISATION_KINDS[kind].prefix, unitCode);
}

export function organisationName(kind: OrganisationKind, unitName: string): string {
  return `${ORGANISATION_KINDS[kind].officialName} ${unitName}`;
}
