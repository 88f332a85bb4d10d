import { communeOfTheDay, REORGANISATION_2025, successorsOf, unitOn, versionsOf, type UnitVersion } from "@danvan/kit";

/**
 * Writes on the map of their day (issue 27): a record names the unit in force on its own date (a
 * household's registration, a model's registration, a project's start), and keeps the district of
 * that day, none from 2025-07-01 (two-tier local government). Pure: the timeline is the kit's, and
 * so is the check of a record's unit (`unitOfTheDay`).
 */

/** The district a version belongs to on `on`: its parent when that is a district then, else null (from 2025-07-01). */
export function districtOfTheDay(v: UnitVersion, on: string): string | null {
  if (v.level === "DISTRICT") return v.code;
  const parent = v.parentCode ? unitOn(v.parentCode, on) : undefined;
  return parent?.level === "DISTRICT" ? parent.code : null;
}

/**
 * The commune versions that hold a commune's territory on `on`, for a record kept under the code it
 * had when it began (a household registered at Phường Mỹ Bình in 2019 lives in Phường Long Xuyên in
 * 2026): the version in force that day, else its successors through every change (chains
 * included); several when the commune was split in 2025 (no record says which part). Empty before
 * the code's first version.
 */
export function communesHolding(code: string, on: string): UnitVersion[] {
  const inForce = unitOn(code, on);
  if (inForce) return [inForce];
  const earlier = versionsOf(code).filter((v) => v.level === "COMMUNE" && v.validFrom <= on);
  const start = earlier[earlier.length - 1];
  if (!start) return [];
  const out = new Map<string, UnitVersion>();
  const walk = (v: UnitVersion) => {
    if (v.validFrom <= on && (v.validTo === null || v.validTo >= on)) {
      out.set(`${v.code}@${v.validFrom}`, v);
      return;
    }
    for (const s of successorsOf(v)) if (s.to.validFrom <= on) walk(s.to);
  };
  walk(start);
  return [...out.values()];
}

/**
 * The district of the day of a record kept under a commune code (a household's review, a house's
 * proposal): the district of the commune holding it that day; null from 2025-07-01.
 */
export function districtOnDay(communeCode: string, on: string): string | null {
  if (on >= REORGANISATION_2025) return null;
  const [holder] = communesHolding(communeCode, on);
  if (holder) return districtOfTheDay(holder, on);
  // Before the records' first day (2010-01-01): the code's first version stands for it.
  const [first] = versionsOf(communeCode).filter((v) => v.level === "COMMUNE");
  return first ? districtOfTheDay(first, first.validFrom) : null;
}

/** The versions a version sits under on `on`, nearest first (its district, then its province). */
export function ancestorsOnDay(v: UnitVersion, on: string): UnitVersion[] {
  const out: UnitVersion[] = [];
  let parent = v.parentCode ? unitOn(v.parentCode, on) : undefined;
  while (parent && out.length < 3) {
    out.push(parent);
    parent = parent.parentCode ? unitOn(parent.parentCode, on) : undefined;
  }
  return out;
}

/**
 * The commune a household's record of `day` is kept under (issue 27): the household's commune
 * followed through every change to the one in force that day (kit communeOfTheDay; a household of
 * a commune split in 2025 goes to one part, by its id), so its support, houses and reviews from
 * 2025-07-01 are on the 2025 map. Its own code where the line ends (a day before its registration).
 */
export function householdCommuneOn(
  household: { id: number; communeCode: string; registeredOn: string },
  day: string,
): string {
  return communeOfTheDay(household.communeCode, household.registeredOn, day, household.id) ?? household.communeCode;
}
