import type { CoverageOptions, FigureUnit } from "@danvan/kit";
import {
  AdministrativeUnitRef,
  figureCoverage,
  FigureCoverageType,
  type FigureCoverageShape,
} from "@danvan/kit/federation";

/**
 * The units programs counts figures for (issue 27): one version each, `code` and `validFrom`
 * (codes are reused: 30307 was Phường Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên from
 * 2025-07-01). A unit argument given as a code alone is `figureUnit(code)`, the unit the code names
 * now; a unit reached through the graph is `figureUnit(unit.code, unit.validFrom)`.
 */

/** The shareable FigureCoverage type over the kit's AdministrativeUnitRef (built once). */
export const FigureCoverage = FigureCoverageType(AdministrativeUnitRef);
export type Coverage = FigureCoverageShape<AdministrativeUnitRef>;

/** The description of every figure's `coverage` field. */
export const COVERAGE =
  "What the figures rest on: the communes of the unit's territory through time without records (old Kiên Giang's before 2025-07-01, its reviews from the end of 2020 excepted: never a silent zero), and the communes split in 2025 counted whole.";

/** The graph's reference to exactly this version (unitRef takes a date; a version is already one). */
export function figureRef(unit: FigureUnit): AdministrativeUnitRef {
  return Object.assign(new AdministrativeUnitRef(), { code: unit.code, validFrom: unit.validFrom });
}

/** A version as one loader key, `code@validFrom`, and back. */
export const figureKey = (unit: Pick<FigureUnit, "code" | "validFrom">): string => `${unit.code}@${unit.validFrom}`;

export function figureOfKey(key: string): FigureUnit {
  const at = key.indexOf("@");
  return { code: key.slice(0, at), validFrom: key.slice(at + 1) };
}

/**
 * What a unit's figures rest on (kit coverageOf): communes of its territory without records (old
 * Kiên Giang's before 2025-07-01) and communes split in 2025 counted whole.
 */
export function coverageFor(unit: FigureUnit, opts: CoverageOptions = {}): Coverage {
  return figureCoverage(unit, figureRef, opts);
}

/**
 * The first review that holds old Kiên Giang's households (registered in 2020, reviewed from the end
 * of 2020; services/kit/data/README.md, "Programs: 2020–2026"): a review figure of that year or later
 * covers its communes; every other programs figure (support, houses, funds, models, projects) has no
 * record there before 2025-07-01.
 */
export const KIEN_GIANG_REVIEWS_FROM = 2020;

/** The coverage options of a review year's figures. */
export const reviewCoverage = (year: number): CoverageOptions => ({
  kienGiangCovered: year >= KIEN_GIANG_REVIEWS_FROM,
});
