import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "@danvan/kit";
import { AdministrativeUnit } from "./administrative-unit.entity.js";

/** Units by code, and the units directly below each. */
export function unitLoaders(ds: DataSource) {
  const units = ds.getRepository(AdministrativeUnit);
  return {
    unit: keyedLoader<string, AdministrativeUnit>(
      (codes) => units.findBy({ code: In(codes) }),
      (u) => u.code,
    ),
    unitsByParent: groupedLoader<string, AdministrativeUnit>(
      (codes) => units.find({ where: { parentCode: In(codes) }, order: { code: "ASC" } }),
      (u) => u.parentCode!,
    ),
  };
}
