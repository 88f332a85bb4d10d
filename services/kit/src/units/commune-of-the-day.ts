import { successorsOf, unitOn, type Succession, type UnitVersion } from "./timeline.js";

/**
 * The commune a record kept under an old commune code belongs to on a later day (a household
 * registered before 2025-07-01, and everything written for it since): the version its code named
 * when it was recorded, followed through every change to the one in force on `day`. A commune
 * that went whole into another goes with it; one split into parts (`part` successions) sends each
 * record to one part, chosen by `key` (the record's id) so that the same record always lands in the
 * same part and a split commune's records spread over its parts. Null when the code named no
 * commune on `recordedOn`, or its line ends before `day`.
 */
export function communeOfTheDay(code: string, recordedOn: string, day: string, key = 0): string | null {
  let v: UnitVersion | undefined = unitOn(code, recordedOn);
  if (!v || v.level !== "COMMUNE") return null;
  for (let guard = 0; v && v.validTo !== null && v.validTo < day && guard < 10; guard++) {
    const next: Succession[] = successorsOf(v).filter((s) => s.to.level === "COMMUNE");
    if (next.length === 0) return null;
    const whole: Succession | undefined = next.find((s) => s.share === "whole");
    if (whole) {
      v = whole.to;
      continue;
    }
    const parts = [...next].sort((a, b) => (a.to.code < b.to.code ? -1 : a.to.code > b.to.code ? 1 : 0));
    v = parts[Math.abs(Math.trunc(key)) % parts.length]!.to;
  }
  return v && v.validFrom <= day && (v.validTo === null || v.validTo >= day) ? v.code : null;
}
