import { referenceUnits, subtreeCodes } from "./reference-units.js";

let communes: Set<string> | undefined;
const communeCache = new Map<string, string[]>();

/** The commune-level units in a unit's subtree (the unit itself when it is a commune). */
export function communesIn(unitCode: string): string[] {
  communes ??= new Set(referenceUnits.filter((u) => u.level === "COMMUNE").map((u) => u.code));
  let list = communeCache.get(unitCode);
  if (!list) {
    list = subtreeCodes(unitCode).filter((c) => communes!.has(c));
    communeCache.set(unitCode, list);
  }
  return list;
}

/**
 * (unit, commune) pairs for a batch of units: rows kept per commune can be grouped per
 * requested unit in one statement, `JOIN (VALUES …) scope ON scope.commune = row.commune_code`.
 */
export function communePairs(unitCodes: readonly string[]): [string, string][] {
  return unitCodes.flatMap((u) => communesIn(u).map((c) => [u, c] as [string, string]));
}

/**
 * The illustrative remote-area communes ("vùng sâu, vùng xa") the demo data marks: the
 * communes ("Xã") of the mountainous border districts Tịnh Biên (890) and Tri Tôn (891).
 * No official list ships with the project (services/kit/data/README.md).
 */
export function illustrativeRemoteCommunes(): Set<string> {
  return new Set(
    referenceUnits
      .filter((u) => u.level === "COMMUNE" && u.kind === "Xã" && (u.parentCode === "890" || u.parentCode === "891"))
      .map((u) => u.code),
  );
}
