import { readDataCsv } from "./unit-csv.js";
import { addDaysIso } from "./iso-days.js";
import type { ReferenceUnit, UnitLevel } from "./unit-types.js";

/**
 * The units through time (services/kit/data/README.md, "Units through time"). A unit is a code
 * with a validity: `30307` was Phường Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên, formed from
 * six old wards, from 2025-07-01; every change ends the versions it replaces and links them to the
 * new ones (`whole` or `part`).
 */
export interface UnitVersion extends ReferenceUnit {
  readonly validFrom: string;
  /** Inclusive; null while in force. */
  readonly validTo: string | null;
  /** The act that started this version. */
  readonly legalBasis: string;
  /** The act that ended it. */
  readonly endBasis: string | null;
}

export type SuccessionShare = "whole" | "part";

/** One old unit's territory, in whole or in part, going into a new unit on `to.validFrom`. */
export interface Succession {
  readonly from: UnitVersion;
  readonly to: UnitVersion;
  readonly share: SuccessionShare;
}

/** The records begin in 2010; the 2019-12 list is taken to hold from then (earlier changes are not modelled). */
export const RECORDS_BEGIN = "2010-01-01";
/** The two-tier local government and the merged province start on this day. */
export const REORGANISATION_2025 = "2025-07-01";
/** The merged province's code from 2025-07-01 (it was old Kiên Giang's). */
export const PROVINCE_CODE_2025 = "91";

const BASE_BASIS =
  "Danh mục đơn vị hành chính Việt Nam (GSO), as in force 2019-12; taken to hold from the start of the records (2010)";
const KIEN_GIANG_BASIS =
  "Danh mục đơn vị hành chính Việt Nam (GSO), old Kiên Giang as on 2025-06-30; taken to hold from the start of the records (2010)";
const RES_202 =
  "Nghị quyết 202/2025/QH15 (2025-06-12; in force 2025-07-01): An Giang and Kiên Giang form An Giang, code 91";
const RES_1654 = "Nghị quyết 1654/NQ-UBTVQH15 (2025-06-16; the new communes in force 2025-07-01)";
const DISTRICTS_END =
  "Luật Tổ chức chính quyền địa phương 72/2025/QH15 and Nghị quyết 202/2025/QH15: no district level from 2025-07-01";

const UNIT_HEADER = ["code", "name", "kind", "level", "parent_code"] as const;
const LEVELS = new Set(["PROVINCE", "DISTRICT", "COMMUNE"]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function version(row: Record<string, string>, validFrom: string, legalBasis: string): Mutable<UnitVersion> {
  if (!LEVELS.has(row.level!)) throw new Error(`unit ${row.code}: unknown level ${row.level}`);
  return {
    code: row.code!,
    name: row.name!,
    kind: row.kind!,
    level: row.level as UnitLevel,
    parentCode: row.parent_code || null,
    validFrom,
    validTo: null,
    legalBasis,
    endBasis: null,
  };
}

function build(): { versions: UnitVersion[]; successions: Succession[]; kienGiang: Set<UnitVersion> } {
  const versions: Mutable<UnitVersion>[] = [];
  const kienGiang = new Set<UnitVersion>();
  const successions: Succession[] = [];
  const inForce = (code: string, date: string) =>
    versions.find((v) => v.code === code && v.validFrom <= date && (v.validTo === null || v.validTo >= date));
  const end = (v: Mutable<UnitVersion>, lastDay: string, basis: string) => {
    v.validTo = lastDay;
    v.endBasis = basis;
  };

  for (const row of readDataCsv("administrative-units.csv", UNIT_HEADER))
    versions.push(version(row, RECORDS_BEGIN, BASE_BASIS));
  for (const row of readDataCsv("kien-giang-units-2025.csv", UNIT_HEADER)) {
    const v = version(row, RECORDS_BEGIN, KIEN_GIANG_BASIS);
    kienGiang.add(v);
    versions.push(v);
  }

  // Old An Giang's changes 2021 – 2025-01-01: each new version replaces its predecessors in whole.
  const changes = readDataCsv("an-giang-unit-changes-2021-2025.csv", [
    "valid_from",
    ...UNIT_HEADER,
    "predecessors",
    "legal_basis",
  ]);
  for (const row of changes) {
    const from = row.valid_from!;
    const lastDay = addDaysIso(from, -1);
    const olds = row.predecessors!.split(";").map((code) => {
      const old = inForce(code, lastDay);
      if (!old) throw new Error(`unit change ${row.code} on ${from}: no unit ${code} on ${lastDay}`);
      return old;
    });
    const next = version(row, from, row.legal_basis!);
    for (const old of olds) {
      end(old, lastDay, row.legal_basis!);
      successions.push({ from: old, to: next, share: "whole" });
    }
    versions.push(next);
  }

  // 2025-07-01: every unit of both old provinces ends; the new province and its 102 communes begin.
  const lastDay = addDaysIso(REORGANISATION_2025, -1);
  const ending = versions.filter((v) => v.validTo === null);
  for (const v of ending)
    end(v, lastDay, v.level === "COMMUNE" ? RES_1654 : v.level === "DISTRICT" ? DISTRICTS_END : RES_202);
  const fresh = new Map<string, Mutable<UnitVersion>>();
  for (const row of readDataCsv("an-giang-units-2025.csv", [...UNIT_HEADER, "valid_from"])) {
    if (row.valid_from !== REORGANISATION_2025) throw new Error(`an-giang-units-2025.csv ${row.code}: valid_from`);
    const v = version(row, REORGANISATION_2025, row.level === "PROVINCE" ? RES_202 : RES_1654);
    fresh.set(v.code, v);
    versions.push(v);
  }
  const province = fresh.get(PROVINCE_CODE_2025)!;
  for (const v of ending.filter((e) => e.level === "PROVINCE"))
    successions.push({ from: v, to: province, share: "whole" });
  for (const row of readDataCsv("an-giang-successions-2025.csv", ["new_code", "old_code", "old_name", "share"])) {
    const old = ending.find((e) => e.code === row.old_code && e.level === "COMMUNE");
    const next = fresh.get(row.new_code!);
    if (!old || !next || (row.share !== "whole" && row.share !== "part"))
      throw new Error(`an-giang-successions-2025.csv: ${row.new_code} ← ${row.old_code}`);
    successions.push({ from: old, to: next, share: row.share });
  }
  return { versions, successions, kienGiang };
}

const built = build();
/** Every version of every unit, in the order the changes made them. */
export const unitVersions: readonly UnitVersion[] = Object.freeze(built.versions.map((v) => Object.freeze(v)));
export const unitSuccessions: readonly Succession[] = Object.freeze(built.successions);

/** A version's identity as one string: `code@validFrom`. */
export const unitVersionKey = (v: Pick<UnitVersion, "code" | "validFrom">) => `${v.code}@${v.validFrom}`;
const key = unitVersionKey;
const versionsByCode = new Map<string, UnitVersion[]>();
for (const v of unitVersions) versionsByCode.set(v.code, [...(versionsByCode.get(v.code) ?? []), v]);
for (const list of versionsByCode.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
const versionsByParent = new Map<string, UnitVersion[]>();
for (const v of unitVersions)
  if (v.parentCode) versionsByParent.set(v.parentCode, [...(versionsByParent.get(v.parentCode) ?? []), v]);
const predecessors = new Map<string, Succession[]>();
const successors = new Map<string, Succession[]>();
for (const s of unitSuccessions) {
  predecessors.set(key(s.to), [...(predecessors.get(key(s.to)) ?? []), s]);
  successors.set(key(s.from), [...(successors.get(key(s.from)) ?? []), s]);
}

export const inForceOn = (v: Pick<UnitVersion, "validFrom" | "validTo">, date: string) =>
  v.validFrom <= date && (v.validTo === null || v.validTo >= date);

/** The versions of a code, oldest first (empty for a code never used). */
export function versionsOf(code: string): readonly UnitVersion[] {
  return versionsByCode.get(code) ?? [];
}

/** The unit a code named on a date. */
export function unitOn(code: string, date: string): UnitVersion | undefined {
  return versionsOf(code).find((v) => inForceOn(v, date));
}

/** The version a code names now: the one in force today, or the last it had. */
export function latestUnit(code: string): UnitVersion | undefined {
  const list = versionsOf(code);
  return list[list.length - 1];
}

/** The version that starts on `validFrom` (a unit's identity: code and validity). */
export function unitVersion(code: string, validFrom: string): UnitVersion | undefined {
  return versionsOf(code).find((v) => v.validFrom === validFrom);
}

export function predecessorsOf(v: UnitVersion): readonly Succession[] {
  return predecessors.get(key(v)) ?? [];
}

export function successorsOf(v: UnitVersion): readonly Succession[] {
  return successors.get(key(v)) ?? [];
}

/** The versions directly below a version while both are in force. */
export function childrenOfVersion(v: UnitVersion): UnitVersion[] {
  return (versionsByParent.get(v.code) ?? []).filter(
    (c) => c.validFrom <= (v.validTo ?? "9999-12-31") && (c.validTo === null || c.validTo >= v.validFrom),
  );
}

const historyCache = new Map<string, readonly UnitVersion[]>();

/**
 * The versions whose facts belong to a version's territory through time: the version itself, the
 * units below it and, through every change, its predecessors (chains included: Phường Đông Xuyên →
 * Mỹ Xuyên → Long Xuyên). A `part` predecessor is included whole.
 */
export function historyVersionsOf(v: UnitVersion): readonly UnitVersion[] {
  const cached = historyCache.get(key(v));
  if (cached) return cached;
  const seen = new Map<string, UnitVersion>();
  const walk = (u: UnitVersion) => {
    if (seen.has(key(u))) return;
    seen.set(key(u), u);
    for (const c of childrenOfVersion(u)) walk(c);
    for (const p of predecessorsOf(u)) walk(p.from);
  };
  walk(v);
  const list = Object.freeze([...seen.values()]);
  historyCache.set(key(v), list);
  return list;
}

/** The codes under which the facts of a version's territory are recorded (historyVersionsOf). */
export function historyCodesOf(v: UnitVersion): readonly string[] {
  return [...new Set(historyVersionsOf(v).map((u) => u.code))];
}

/** True for old Kiên Giang's units (before 2025-07-01), whose records the dataset does not hold. */
export function isKienGiangUnit(v: UnitVersion): boolean {
  return built.kienGiang.has(v);
}

/** The day a version is looked at when no date is given: today while in force, else its last day (or first, if later). */
export function viewedDay(v: UnitVersion, today: string): string {
  if (v.validTo !== null && v.validTo < today) return v.validTo;
  return today < v.validFrom ? v.validFrom : today;
}

/**
 * The units directly below a version on a day (its viewed day by default): the drill-down of a
 * figure, each child a version whose own history the figure sums, so the children add up to the
 * parent (Thành phố Long Xuyên's 12 wards and communes on 2025-06-30, Mỹ Xuyên with Đông Xuyên).
 */
export function childVersionsOn(v: UnitVersion, day: string): UnitVersion[] {
  return childrenOfVersion(v)
    .filter((c) => inForceOn(c, day))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
