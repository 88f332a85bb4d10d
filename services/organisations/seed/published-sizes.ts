import { OrganisationKind } from "../src/organisations/organisation-kind.js";

/**
 * The members each organisation counts on one day: the province's published figure where one
 * was found (reproduced exactly at full scale: `memberCount(asOf)` of the province committee),
 * a plausible figure where none was. Sources: services/kit/data/README.md, "Organisations".
 */
export interface PublishedSize {
  /** The day the figure describes. */
  on: string;
  /** Members counted on that day, the committees below included (full scale). */
  members: number | "grassroots unions' sizes";
  /** Where the figure comes from; null for a plausible, synthetic one. */
  source: string | null;
}

export const SIZES: Record<OrganisationKind, PublishedSize> = {
  FARMERS_UNION: {
    on: "2018-05-24",
    members: 117_556,
    source:
      "Hội Nông dân tỉnh An Giang, Đại hội đại biểu lần thứ IX (24/05/2018): 249 đại biểu tiêu biểu cho 117.556 cán bộ, hội viên",
  },
  VETERANS_ASSOCIATION: {
    on: "2022-09-06",
    members: 12_521,
    source:
      "Hội Cựu chiến binh tỉnh An Giang, Đại hội đại biểu lần thứ VII (06–07/09/2022): 207 đại biểu đại diện 12.521 hội viên",
  },
  YOUTH_UNION: {
    // Published as "hơn 55.000" (over 55,000): the seed holds a figure just over it.
    on: "2022-10-03",
    members: 55_240,
    source: "Tỉnh Đoàn An Giang, Đại hội đại biểu lần thứ XI (03/10/2022): hơn 55.000 đoàn viên",
  },
  WOMENS_UNION: { on: "2022-12-31", members: 330_000, source: null },
  LABOUR_FEDERATION: { on: "2022-12-31", members: "grassroots unions' sizes", source: null },
  FATHERLAND_FRONT: { on: "2022-12-31", members: 6_600, source: null },
};

/**
 * The last day of the register's first generation (2010–2022, seed 20200102): its rows stay as
 * they were; members-continued.gen.ts continues them, on new random streams, to REGISTER_UNTIL.
 */
export const HISTORY_UNTIL = "2022-12-31";

/** The last day the register describes (a fixed day, not today): no join or exit is recorded after it. */
export const REGISTER_UNTIL = "2026-11-30";

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
 * earlier index): the parts always add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]![1]]!++;
  return parts;
}
