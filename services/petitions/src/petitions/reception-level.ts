import { registerEnumType } from "type-graphql";
import { unitOn, type UnitVersion } from "@danvan/kit";

/**
 * Where a petition was received: at the commune it concerns, or at the province itself (its
 * Citizen Reception Committee, Law on Citizen Reception 2013, Art. 13), which then handles it.
 * From 2025-07-01 there is no district level between them (Resolution 202/2025/QH15).
 */
export enum ReceptionLevel {
  COMMUNE = "COMMUNE",
  PROVINCE = "PROVINCE",
}

registerEnumType(ReceptionLevel, {
  name: "ReceptionLevel",
  description:
    "Where a petition was received: at the commune it concerns, or at the province itself (its Citizen Reception Committee).",
});

/** The province version that holds a commune version on a day (through its district before 2025-07-01). */
export function provinceHolding(commune: UnitVersion, on: string): UnitVersion | undefined {
  let v: UnitVersion | undefined = commune;
  for (let guard = 0; v && v.level !== "PROVINCE" && guard < 3; guard++)
    v = v.parentCode ? unitOn(v.parentCode, on) : undefined;
  return v?.level === "PROVINCE" ? v : undefined;
}
