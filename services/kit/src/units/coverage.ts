import {
  historyVersionsOf,
  isKienGiangUnit,
  latestUnit,
  REORGANISATION_2025,
  successorsOf,
  unitVersion,
  unitVersionKey,
  versionsOf,
  type Succession,
  type UnitVersion,
} from "./timeline.js";

/** What a unit's figures rest on (FigureCoverage in the graph). */
export interface UnitCoverage {
  /** Every commune of the territory, through time, has records. */
  readonly complete: boolean;
  /** A commune split in 2025 is counted whole in this unit, though only part of it lies here. */
  readonly approximate: boolean;
  /** The communes of the territory without records (old Kiên Giang's), as versions. */
  readonly uncovered: readonly UnitVersion[];
  /** The split communes counted whole. */
  readonly countedWhole: readonly UnitVersion[];
}

const cache = new Map<string, UnitCoverage>();

/** What the figure asking for coverage knows of its own records. */
export interface CoverageOptions {
  /**
   * The figure's records hold old Kiên Giang's communes too (programs' reviews from the end of 2020,
   * its households being registered then): none of them is uncovered.
   */
  readonly kienGiangCovered?: boolean;
}

/**
 * The coverage of a unit's figures (the version `validFrom` names, else the one its code names
 * now): the records hold old An Giang's communes and, from 2025-07-01, the units formed from
 * them; old Kiên Giang's communes have none. A figure over such a territory says so, never a
 * silent zero. Undefined for a code that never named a unit.
 */
export function coverageOf(
  code: string,
  validFrom?: string | null,
  opts: CoverageOptions = {},
): UnitCoverage | undefined {
  const v = validFrom ? unitVersion(code, validFrom) : latestUnit(code);
  if (!v) return undefined;
  const k = `${unitVersionKey(v)}:${opts.kienGiangCovered ? 1 : 0}`;
  const known = cache.get(k);
  if (known) return known;
  const history = historyVersionsOf(v);
  const inside = new Set(history.map(unitVersionKey));
  const uncovered = opts.kienGiangCovered ? [] : history.filter((u) => u.level === "COMMUNE" && isKienGiangUnit(u));
  // A part predecessor reached through a change into this territory whose other part lies outside.
  const countedWhole = history.filter((u) => {
    const parts = successorsOf(u).filter((s) => s.share === "part");
    return parts.some((s) => inside.has(unitVersionKey(s.to))) && parts.some((s) => !inside.has(unitVersionKey(s.to)));
  });
  const coverage: UnitCoverage = Object.freeze({
    complete: uncovered.length === 0,
    approximate: countedWhole.length > 0,
    uncovered: Object.freeze(uncovered),
    countedWhole: Object.freeze(countedWhole),
  });
  cache.set(k, coverage);
  return coverage;
}

const todayCache = new Map<string, { code: string; approximate: boolean }>();

/**
 * The 2025 commune a commune code's records fall under on today's map: an old commune's successor
 * (through every change; a split one under the part that kept its code, else its first part by
 * code, `approximate`), a 2025 commune itself. Null for a code that is not a commune's.
 */
export function todaysCommuneOf(code: string): { code: string; approximate: boolean } | null {
  const known = todayCache.get(code);
  if (known) return known;
  let v: UnitVersion | undefined = versionsOf(code).find((u) => u.level === "COMMUNE");
  if (!v) return null;
  let approximate = false;
  for (let guard = 0; v && v.validFrom < REORGANISATION_2025 && guard < 10; guard++) {
    const next: readonly Succession[] = successorsOf(v);
    if (next.length === 0) return null;
    if (next.some((s) => s.share === "part")) approximate = true;
    const same = next.find((s) => s.to.code === code);
    v = (same ?? [...next].sort((a, b) => (a.to.code < b.to.code ? -1 : 1))[0]!).to;
  }
  if (!v || v.level !== "COMMUNE") return null;
  const answer = { code: v.code, approximate };
  todayCache.set(code, answer);
  return answer;
}
