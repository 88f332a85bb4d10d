import { referenceUnits, subtreeCodes } from "./reference-units.js";
import {
  childVersionsOn,
  latestUnit,
  predecessorsOf,
  RECORDS_BEGIN,
  REORGANISATION_2025,
  unitVersion,
  unitVersionKey,
  unitVersions,
  viewedDay,
  type UnitVersion,
} from "./timeline.js";

let communes: Set<string> | undefined;
const communeCache = new Map<string, string[]>();

/** The commune-level codes in a unit's subtree, its history included (the unit itself when it is a commune). */
export function communesIn(unitCode: string, validFrom?: string | null): string[] {
  communes ??= new Set(unitVersions.filter((u) => u.level === "COMMUNE").map((u) => u.code));
  const k = validFrom ? `${unitCode}@${validFrom}` : unitCode;
  let list = communeCache.get(k);
  if (!list) {
    list = subtreeCodes(unitCode, validFrom).filter((c) => communes!.has(c));
    communeCache.set(k, list);
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

/**
 * Remote-area flags for every unit version (key `code@validFrom`), illustrative like the list above:
 * old An Giang's versions before 2025-07-01 as `oldAnGiang` marks their code (the flags already set);
 * old Kiên Giang's island communes (Huyện Kiên Hải, and the Xã of Thành phố Phú Quốc); from
 * 2025-07-01 a unit is remote when any unit it was formed from was, and the three special zones
 * (Đặc khu: islands) are.
 */
export function remoteAreaFlags(oldAnGiang: ReadonlySet<string>): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  const kienGiangIslands = (v: UnitVersion) =>
    v.level === "COMMUNE" && (v.parentCode === "912" || (v.parentCode === "911" && v.kind === "Xã"));
  for (const v of unitVersions) {
    if (v.validFrom >= REORGANISATION_2025) continue;
    const anGiang = referenceUnits.some((u) => u.code === v.code) && !kienGiangIslands(v);
    flags.set(unitVersionKey(v), anGiang ? oldAnGiang.has(v.code) : kienGiangIslands(v));
  }
  for (const v of unitVersions) {
    if (v.validFrom < REORGANISATION_2025) continue;
    const fromRemote = predecessorsOf(v).some((s) => flags.get(unitVersionKey(s.from)) === true);
    flags.set(unitVersionKey(v), v.level === "COMMUNE" && (fromRemote || v.kind === "Đặc khu"));
  }
  return flags;
}

/** A unit a figure is counted for: one version, by code and first day. */
export interface FigureUnit {
  readonly code: string;
  readonly validFrom: string;
}

/** The unit a figure argument names: the version `validFrom` gives, else the one the code names now. */
export function figureUnit(code: string, validFrom?: string | null): FigureUnit {
  return { code, validFrom: validFrom ?? latestUnit(code)?.validFrom ?? RECORDS_BEGIN };
}

/**
 * A figure's drill-down: the units directly below the version on its viewed day (today while in
 * force, else its last day), each as a version, so the children add up to the parent.
 */
export function drillDownOf(unit: FigureUnit, today: string): FigureUnit[] {
  const v = unitVersion(unit.code, unit.validFrom);
  return v ? childVersionsOn(v, viewedDay(v, today)).map((c) => ({ code: c.code, validFrom: c.validFrom })) : [];
}
