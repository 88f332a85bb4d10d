import { communeOfTheDay, REORGANISATION_2025 } from "@danvan/kit";
import { communesHolding } from "../src/unit-of-the-day.js";
import { fundIdFor } from "../src/fund/fund.entity.js";

/**
 * Where the seed's records after 2019 go on the map of their day (issue 27): an old An Giang
 * commune's records keep its code while that code names it, go to the ward that took it (Phường
 * Đông Xuyên's to Phường Mỹ Xuyên from 2025-01-01) and from 2025-07-01 to its 2025 commune. A
 * household of a commune split into several 2025 communes is placed in one of them by its id (the
 * parts by code, the id modulo their number): deterministic, and the same for every record.
 */

/** The dates at which a record's code can change: 2025-01-01 (Đông Xuyên) and 2025-07-01. */
const bucketOf = (on: string) => (on < "2025-01-01" ? 0 : on < REORGANISATION_2025 ? 1 : 2);
const cache = new Map<string, string[]>();

/** The codes holding an old commune's territory on a day, by code. */
export function holdersOn(oldCode: string, on: string): string[] {
  const key = `${oldCode}|${bucketOf(on)}`;
  let list = cache.get(key);
  if (!list) {
    list = [...new Set(communesHolding(oldCode, on).map((v) => v.code))].sort();
    if (list.length === 0) throw new Error(`no commune holds ${oldCode} on ${on}`);
    cache.set(key, list);
  }
  return list;
}

/**
 * The commune code of a household's record dated `on`: the kit's rule (communeOfTheDay, the one the
 * graph's writes use through householdCommuneOn), so a seeded household and a live write for it
 * land in the same part of a split commune. The seed's households were registered by 2019.
 */
export function communeOn(oldCode: string, householdId: number, on: string): string {
  const code = communeOfTheDay(oldCode, "2019-12-31", on, householdId);
  if (code === null) throw new Error(`no commune holds ${oldCode} on ${on}`);
  return code;
}

/** The district of a record dated `on`: the old one before 2025-07-01, none after. */
export const districtOn = (oldDistrict: string, on: string): string | null =>
  on < REORGANISATION_2025 ? oldDistrict : null;

/** The fund of a unit on a day: the 2025 map's from 2025-07-01. */
export const fundOn = (unitCode: string, on: string): string =>
  fundIdFor(unitCode, on >= REORGANISATION_2025 ? REORGANISATION_2025 : null);

/** The province's code on a day. */
export const provinceOn = (on: string): string => (on < REORGANISATION_2025 ? "89" : "91");
