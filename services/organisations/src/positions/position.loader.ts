import { In, type DataSource } from "typeorm";
import { groupedLoader, LoaderFamily } from "@danvan/kit";
import { LeadershipPosition, heldOn } from "./leadership-position.entity.js";

export function positionLoaders(ds: DataSource) {
  const positions = ds.getRepository(LeadershipPosition);
  return {
    /** Positions held on a date, per committee. */
    positionsOn: new LoaderFamily((asOf: string) =>
      groupedLoader<string, LeadershipPosition>(
        async (ids) =>
          (await positions.find({ where: { organisationId: In(ids) }, order: { title: "ASC", id: "ASC" } })).filter(
            (p) => heldOn(p, asOf),
          ),
        (p) => p.organisationId,
      ),
    ),
  };
}
