import { ORGANISATION_ID, WARDS_WITHOUT_FARMERS_UNION } from "@danvan/kit";

export { WARDS_WITHOUT_FARMERS_UNION };
import { OrganisationKind } from "./organisation-kind.js";
import { COMMITTEE_2025_ID } from "./committees-through-time.js";

/**
 * Where each organisation has a body, as data (free of GraphQL and TypeORM). The Front and the
 * Women's, Youth and Veterans' organisations have a committee at every administrative unit;
 * the Farmers' Union a grassroots unit ("cơ sở Hội") in 152 of the 156 communes; the Labour
 * Federation ("Liên đoàn Lao động") exists at province and district level only, and its
 * members belong to grassroots trade unions ("công đoàn cơ sở") in enterprises and agencies.
 */
export interface CommunePresence {
  /** Commune-level units without a committee of this kind: a list, or every commune. */
  absentFrom: "every commune" | readonly string[];
  /** Why: the charter, law or published figure. */
  basis: string;
}

export const COMMUNE_PRESENCE: Record<OrganisationKind, CommunePresence> = {
  FATHERLAND_FRONT: { absentFrom: [], basis: "Luật Mặt trận Tổ quốc Việt Nam 2015: Ủy ban MTTQ ở cấp xã" },
  FARMERS_UNION: {
    absentFrom: WARDS_WITHOUT_FARMERS_UNION,
    basis: "Hội Nông dân tỉnh An Giang: 152 cơ sở Hội, Long Xuyên 9 (2018)",
  },
  WOMENS_UNION: { absentFrom: [], basis: "Điều lệ Hội LHPN Việt Nam: Hội cơ sở ở xã, phường, thị trấn" },
  YOUTH_UNION: { absentFrom: [], basis: "Điều lệ Đoàn TNCS Hồ Chí Minh: Đoàn cơ sở ở xã, phường, thị trấn" },
  VETERANS_ASSOCIATION: {
    absentFrom: [],
    basis: "Điều lệ Hội Cựu chiến binh Việt Nam: Hội cơ sở ở xã, phường, thị trấn",
  },
  LABOUR_FEDERATION: {
    absentFrom: "every commune",
    basis:
      "Điều lệ Công đoàn Việt Nam: Liên đoàn Lao động tỉnh, huyện; công đoàn cơ sở ở cơ quan, đơn vị, doanh nghiệp",
  },
};

/** True when the organisation of `kind` has a committee at the commune-level unit `communeCode`. */
export function hasCommuneCommittee(kind: OrganisationKind, communeCode: string): boolean {
  const { absentFrom } = COMMUNE_PRESENCE[kind];
  return absentFrom !== "every commune" && !absentFrom.includes(communeCode);
}

/**
 * A grassroots trade union's id: the Labour Federation's short code, the commune its workplace
 * is in and a serial ("LDLD-30280-001"). The kit's organisation-id codec names committees of
 * units only ("LDLD-883"); this subgraph makes and reads both.
 */
export const GRASSROOTS_UNION_ID = /^LDLD-(\d{5})-(\d{3})$/;

export function grassrootsUnionId(communeCode: string, serial: number): string {
  return `LDLD-${communeCode}-${String(serial).padStart(3, "0")}`;
}

/**
 * Every id this subgraph makes: a committee of a unit of the 2019 map (the kit's codec), of the
 * 2025 map ("HPN-30307-25", committees-through-time.ts) or a grassroots union.
 */
export const BODY_ID = new RegExp(
  `${ORGANISATION_ID.source}|${COMMITTEE_2025_ID.source}|${GRASSROOTS_UNION_ID.source}`,
);
