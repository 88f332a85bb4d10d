/**
 * What an aggregate's figures rest on (issue 27), in the page's words: the warning when communes
 * of the territory have no records (old Kiên Giang's, before 2025: the figure leaves them out, it
 * is not a zero), and the note when communes split in 2025 are counted whole. The page shows the
 * notes above the answer; the CSV starts with them (analyst-table.ts `csvOf`).
 *
 * This function runs in the browser (analyst-logic.ts serves it from its own compiled source): it
 * uses nothing but its arguments and the language's built-ins.
 */
import type { AggregateCoverage, ModelWords, UnitName } from "./analyst-model.js";

export interface CoverageNote {
  /** `incomplete`: communes without records; `approximate`: split communes counted whole. */
  kind: "incomplete" | "approximate";
  /** The sentence, in the page's language. */
  text: string;
  /** The communes it is about. */
  units: UnitName[];
}

/** The notes of an aggregate's coverage: none when it is complete and exact (or not given). */
export function coverageNotes(coverage: AggregateCoverage | null | undefined, words: ModelWords): CoverageNote[] {
  const notes: CoverageNote[] = [];
  if (!coverage) return notes;
  const fill = (template: string, params: Record<string, string>) =>
    Object.keys(params).reduce((s, name) => s.split(`{${name}}`).join(params[name]!), template);
  if (coverage.complete === false) {
    const units = coverage.uncoveredUnits || [];
    notes.push({
      kind: "incomplete",
      text: fill(units.length === 1 ? words.coverageIncompleteOne : words.coverageIncomplete, {
        count: String(units.length),
      }),
      units: units.slice(),
    });
  }
  if (coverage.approximate === true) {
    const units = coverage.countedWholeUnits || [];
    notes.push({
      kind: "approximate",
      text: fill(words.coverageApproximate, { units: units.map((u) => `${u.name} (${u.code})`).join("; ") }),
      units: units.slice(),
    });
  }
  return notes;
}
