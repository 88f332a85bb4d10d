import fs from "node:fs";
import path from "node:path";
import { kitDataDir } from "../paths.js";
import { childrenOfVersion, historyCodesOf, latestUnit, unitVersion } from "./timeline.js";
import type { ReferenceUnit, UnitLevel } from "./unit-types.js";

export type { ReferenceUnit, UnitLevel } from "./unit-types.js";

/** Old An Giang's code, the province of the records until 2025-06-30 (from 2025-07-01: PROVINCE_CODE_2025). */
export const PROVINCE_CODE = "89";

/** Parses the shipped CSV (no quoted fields in it: codes, names and type words only). */
export function parseUnitsCsv(text: string): ReferenceUnit[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines.shift()?.split(",");
  if (header?.join(",") !== "code,name,kind,level,parent_code") {
    throw new Error("administrative-units.csv: unexpected header");
  }
  return lines.map((line, i) => {
    const [code, name, kind, level, parentCode] = line.split(",");
    if (!code || !name || !kind || !["PROVINCE", "DISTRICT", "COMMUNE"].includes(level ?? "")) {
      throw new Error(`administrative-units.csv line ${i + 2}: malformed row`);
    }
    return { code, name, kind, level: level as UnitLevel, parentCode: parentCode || null };
  });
}

/**
 * Old An Giang's units as listed in 2019-12 (administrative-units.csv): the map of the records
 * before the 2025 reorganisation. The units through time, the 2025 map included, are in timeline.ts.
 */
export const referenceUnits: readonly ReferenceUnit[] = Object.freeze(
  parseUnitsCsv(fs.readFileSync(path.join(kitDataDir, "administrative-units.csv"), "utf8")),
);

const byCode = new Map(referenceUnits.map((u) => [u.code, u]));
const childrenByCode = new Map<string, ReferenceUnit[]>();
for (const u of referenceUnits) {
  if (u.parentCode) {
    const list = childrenByCode.get(u.parentCode) ?? [];
    list.push(u);
    childrenByCode.set(u.parentCode, list);
  }
}

/**
 * A unit by code: one of the 2019-12 list as it stood there, any other code (the merged province
 * 91, old Kiên Giang's units, the 2025 communes) as its latest version.
 */
export function unitByCode(code: string): ReferenceUnit | undefined {
  return byCode.get(code) ?? latestUnit(code);
}

/** The units directly below: the 2019-12 list's, or, for another code, its latest version's (province 91: its 102 communes). */
export function childrenOf(code: string): readonly ReferenceUnit[] {
  if (byCode.has(code)) return childrenByCode.get(code) ?? [];
  const latest = latestUnit(code);
  return latest ? childrenOfVersion(latest) : [];
}

const subtreeCache = new Map<string, string[]>();

/**
 * The unit itself and every unit below it, and, for a code that names a unit formed later (the
 * 2025 communes, the merged province), every unit whose facts its territory inherited
 * (timeline.ts `historyCodesOf`): an officer of a new commune sees its predecessors' history.
 */
export function subtreeCodes(code: string, validFrom?: string | null): string[] {
  if (validFrom) {
    // Exactly one version: its own units through its changes (30307 of 2010 is Mỹ Hòa alone).
    const v = unitVersion(code, validFrom);
    return v ? [...historyCodesOf(v)] : [];
  }
  const cached = subtreeCache.get(code);
  if (cached) return [...cached];
  const codes = new Set<string>();
  const walk = (c: string) => {
    codes.add(c);
    for (const child of childrenOf(c)) walk(child.code);
  };
  if (byCode.has(code)) walk(code);
  const latest = latestUnit(code);
  if (latest) for (const c of historyCodesOf(latest)) codes.add(c);
  subtreeCache.set(code, [...codes]);
  return [...codes];
}

/** The unit's ancestors, nearest first. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  let parent = unitByCode(code)?.parentCode ?? null;
  while (parent) {
    out.push(parent);
    parent = unitByCode(parent)?.parentCode ?? null;
  }
  return out;
}

/**
 * The district-level unit a commune belongs to (itself for a district, null for the province, and
 * null for a commune of 2025, which has none).
 */
export function districtOf(code: string): string | null {
  const unit = unitByCode(code);
  if (!unit || unit.level === "PROVINCE") return null;
  if (unit.level === "DISTRICT") return unit.code;
  return unitByCode(unit.parentCode ?? "")?.level === "DISTRICT" ? unit.parentCode : null;
}
