export type UnitLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

/** One administrative unit as published (official GSO code, name, type word, level, parent). */
export interface ReferenceUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
}
