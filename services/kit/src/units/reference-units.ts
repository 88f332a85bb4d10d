import fs from "node:fs";
import path from "node:path";
import { kitDataDir } from "../paths.js";

export type UnitLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

/** One administrative unit as published (official GSO code, name, type word, level, parent). */
export interface ReferenceUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
}

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

export function unitByCode(code: string): ReferenceUnit | undefined {
  return byCode.get(code);
}

export function childrenOf(code: string): readonly ReferenceUnit[] {
  return childrenByCode.get(code) ?? [];
}

/** The unit itself and every unit below it. */
export function subtreeCodes(code: string): string[] {
  const out: string[] = [];
  const walk = (c: string) => {
    out.push(c);
    for (const child of childrenOf(c)) walk(child.code);
  };
  if (byCode.has(code)) walk(code);
  return out;
}

/** The unit's ancestors, nearest first. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  let parent = byCode.get(code)?.parentCode ?? null;
  while (parent) {
    out.push(parent);
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return out;
}

/** The district-level unit a commune belongs to (itself for a district, null for the province). */
export function districtOf(code: string): string | null {
  const unit = byCode.get(code);
  if (!unit || unit.level === "PROVINCE") return null;
  return unit.level === "DISTRICT" ? unit.code : unit.parentCode;
}
