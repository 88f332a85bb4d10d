import { In, type DataSource } from "typeorm";
import { groupedLoader } from "@danvan/kit";
import { SupportEvent } from "./support-event.entity.js";

/** Support loaders: a household's support events, oldest first. */
export function supportLoaders(ds: DataSource) {
  const events = ds.getRepository(SupportEvent);
  return {
    supportOf: groupedLoader<number, SupportEvent>(
      (ids) => events.find({ where: { householdId: In(ids) }, order: { givenOn: "ASC", id: "ASC" } }),
      (e) => e.householdId,
    ),
  };
}
