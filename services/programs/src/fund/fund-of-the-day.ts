import { ancestorCodes, type UnitVersion } from "@danvan/kit";
import { ancestorsOnDay, communesHolding } from "../unit-of-the-day.js";
import { fundIdFor } from "./fund.entity.js";

/** The fund of a unit version: "QVNN-<code>" on the 2019 map, "QVNN-<code>-25" on the 2025 map. */
export function fundOfVersion(v: Pick<UnitVersion, "code" | "validFrom">): string {
  return fundIdFor(v.code, v.validFrom);
}

/**
 * The funds that may pay for a household on a day (a house's share): the fund of the commune that
 * holds the household's commune that day and of the units above it then. A household registered
 * at Phường Mỹ Bình (30280) in 2019 is paid for in 2026 by Phường Long Xuyên's fund or the merged
 * province's; a commune split in 2025 lists every part's fund (no record says which part the
 * household lives in). Before the records begin, the 2019 list's commune and its units above.
 */
export function householdFundsOn(communeCode: string, on: string): string[] {
  const holders = communesHolding(communeCode, on);
  if (holders.length === 0) return [communeCode, ...ancestorCodes(communeCode)].map((c) => fundIdFor(c));
  return [...new Set(holders.flatMap((c) => [c, ...ancestorsOnDay(c, on)]).map(fundOfVersion))];
}
