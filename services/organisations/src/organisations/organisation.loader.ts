import { In, IsNull, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "@danvan/kit";
import { Organisation } from "./organisation.entity.js";

/**
 * Committees by id, by the unit they sit at (the committees of the unit: grassroots trade
 * unions in the unit's workplaces are not among them), and by the committee above them.
 */
export function organisationLoaders(ds: DataSource) {
  const organisations = ds.getRepository(Organisation);
  return {
    organisation: keyedLoader<string, Organisation>(
      (ids) => organisations.findBy({ id: In(ids) }),
      (o) => o.id,
    ),
    organisationsByUnit: groupedLoader<string, Organisation>(
      (codes) =>
        organisations.find({ where: { unitCode: In(codes), workplaceSector: IsNull() }, order: { id: "ASC" } }),
      (o) => o.unitCode,
    ),
    organisationsByParent: groupedLoader<string, Organisation>(
      (ids) => organisations.find({ where: { parentId: In(ids) }, order: { id: "ASC" } }),
      (o) => o.parentId!,
    ),
  };
}
