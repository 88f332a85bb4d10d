import { Directive, Field, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import { coverageOf, type CoverageOptions } from "../units/coverage.js";
import type { FigureUnit } from "../units/communes.js";

/** A FigureCoverage value: the units as `{ code, validFrom }`; each subgraph's unit type resolves them. */
export interface FigureCoverageShape<U> {
  complete: boolean;
  approximate: boolean;
  uncoveredUnits: U[];
  countedWholeUnits: U[];
}

const built = new Map<unknown, ClassType<FigureCoverageShape<unknown>>>();

/**
 * The `FigureCoverage` object type over a subgraph's unit type (organisations: its entity; the
 * others: the kit's AdministrativeUnitRef). Every subgraph that counts figures serves it the same
 * way, so it is shareable. Built once per unit type.
 */
export function FigureCoverageType<U extends object>(unitType: ClassType<U>): ClassType<FigureCoverageShape<U>> {
  const known = built.get(unitType);
  if (known) return known as ClassType<FigureCoverageShape<U>>;

  @ObjectType("FigureCoverage", {
    description:
      "What a figure rests on: whether every commune of the unit's territory through time has records (old Kiên Giang's have none before 2025-07-01, except its households' poverty reviews from the end of 2020), and whether a commune split in 2025 is counted whole.",
  })
  @Directive("@shareable")
  class FigureCoverage {
    @Field({
      description: "Every commune of the territory, through time, has records: no part of it is a silent zero.",
    })
    complete: boolean;

    @Field({
      description:
        "A commune split in 2025 is counted whole here, though only part of it lies here (no record says which part).",
    })
    approximate: boolean;

    @Field(() => [unitType], { description: "The communes of the territory without records." })
    uncoveredUnits: U[];

    @Field(() => [unitType], { description: "The split communes counted whole." })
    countedWholeUnits: U[];
  }
  built.set(unitType, FigureCoverage as ClassType<FigureCoverageShape<unknown>>);
  return FigureCoverage as ClassType<FigureCoverageShape<U>>;
}

/** The coverage of a unit's figures, its units as `make` builds them from `{ code, validFrom }`. */
export function figureCoverage<U>(
  unit: FigureUnit,
  make: (u: FigureUnit) => U,
  opts: CoverageOptions = {},
): FigureCoverageShape<U> {
  const c = coverageOf(unit.code, unit.validFrom, opts);
  const units = (list: readonly FigureUnit[] | undefined) =>
    (list ?? []).map((v) => make({ code: v.code, validFrom: v.validFrom }));
  return {
    complete: c?.complete ?? true,
    approximate: c?.approximate ?? false,
    uncoveredUnits: units(c?.uncovered),
    countedWholeUnits: units(c?.countedWhole),
  };
}

/** Which map an analyst's grouped figures use. */
export enum UnitMap {
  AS_RECORDED = "AS_RECORDED",
  TODAY = "TODAY",
}

registerEnumType(UnitMap, {
  name: "UnitMap",
  description: "The map place dimensions use: the units as they were on each fact's date, or today's.",
  valuesConfig: {
    AS_RECORDED: { description: "Each fact under the commune and district of its date (the default)." },
    TODAY: {
      description:
        "Each fact under the 2025 commune its commune went into (no districts); a split commune's facts under one part, flagged approximate.",
    },
  },
});
