import { OrganisationKind } from "../src/organisations/organisation-kind.js";

export type Band = readonly [from: number, to: number, weight: number];

/** How an organisation's members look: synthetic, plausible, within its rules. */
export interface Profile {
  /** Ages (year minus birth year) of the members counted on the size's day. */
  ages: readonly Band[];
  female: number;
  /** The earliest year anyone in the register joined. */
  earliestJoin: number;
  /** The youngest age members usually join at (never below the rule's minimum). */
  joinsFrom: number;
  /** Members who had left by the size's day, as a share of those counted on it. */
  former: number;
  /** Of those counted on the day, the share leaving each year after it. */
  exitsPerYear: number;
  /** New members each year after the day, as a share of those counted on it. */
  joinsPerYear: number;
  /** A commune committee's weight by the commune's kind (Xã, Thị trấn, Phường). */
  byUnitKind: Readonly<Record<string, number>>;
  /** Commune committees' sizes: by the commune's people, or about the same everywhere. */
  spread: "people" | "even";
  /** The district and province committees' own members (cadres, committee members). */
  own: { district: readonly [number, number]; province: readonly [number, number] } | null;
  /** Trade union members retire (Bộ luật Lao động 2012, Điều 187: 55 for women, 60 for men). */
  retiresAt?: { female: number; male: number };
}

const EVERYWHERE = { Xã: 1, "Thị trấn": 1, Phường: 1 };

export const PROFILES: Record<OrganisationKind, Profile> = {
  FATHERLAND_FRONT: {
    ages: [
      [28, 44, 25],
      [45, 59, 45],
      [60, 78, 30],
    ],
    female: 0.3,
    earliestJoin: 1995,
    joinsFrom: 25,
    former: 0.5,
    exitsPerYear: 0.05,
    joinsPerYear: 0.05,
    byUnitKind: EVERYWHERE,
    // Its members are the committees' members: a commune committee has about the same number anywhere.
    spread: "even",
    own: { district: [45, 60], province: [90, 100] },
  },
  FARMERS_UNION: {
    ages: [
      [18, 29, 6],
      [30, 44, 24],
      [45, 59, 40],
      [60, 84, 30],
    ],
    female: 0.28,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.2,
    exitsPerYear: 0.02,
    joinsPerYear: 0.022,
    // Few farmers in wards and townships (synthetic weights).
    byUnitKind: { Xã: 1, "Thị trấn": 0.45, Phường: 0.08 },
    spread: "people",
    own: { district: [10, 18], province: [22, 32] },
  },
  WOMENS_UNION: {
    ages: [
      [18, 29, 14],
      [30, 44, 30],
      [45, 59, 30],
      [60, 89, 26],
    ],
    female: 1,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.15,
    exitsPerYear: 0.02,
    joinsPerYear: 0.025,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [12, 20], province: [25, 35] },
  },
  YOUTH_UNION: {
    ages: [
      [16, 18, 22],
      [19, 24, 36],
      [25, 30, 42],
    ],
    female: 0.48,
    earliestJoin: 1976,
    joinsFrom: 16,
    // Members leave by 31: the register holds about as many who have left as who are members.
    former: 1,
    exitsPerYear: 0.06,
    joinsPerYear: 0.08,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [8, 14], province: [20, 30] },
  },
  VETERANS_ASSOCIATION: {
    ages: [
      [24, 39, 4],
      [40, 54, 22],
      [55, 69, 46],
      [70, 95, 28],
    ],
    female: 0.07,
    // The Veterans' Association was founded in December 1989.
    earliestJoin: 1990,
    joinsFrom: 22,
    former: 0.3,
    exitsPerYear: 0.03,
    joinsPerYear: 0.02,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [8, 14], province: [18, 26] },
  },
  LABOUR_FEDERATION: {
    ages: [
      [18, 29, 24],
      [30, 44, 46],
      [45, 59, 30],
    ],
    female: 0.55,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.3,
    exitsPerYear: 0.05,
    joinsPerYear: 0.06,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: null, // trade union members are in grassroots unions only
    retiresAt: { female: 55, male: 60 },
  },
};
