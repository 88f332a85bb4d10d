import { In, type DataSource } from "typeorm";
import { groupedLoader } from "@danvan/kit";
import { Petition } from "../petitions/petition.entity.js";
import { SessionPetition } from "./reception-session.entity.js";

/** The petitions brought to each reception session. */
export function sessionLoaders(ds: DataSource) {
  const petitions = ds.getRepository(Petition);
  return {
    petitionsOfSession: groupedLoader<number, Petition & { sessionId: number }>(
      async (sessionIds) => {
        const links = await ds.getRepository(SessionPetition).findBy({ sessionId: In(sessionIds) });
        if (links.length === 0) return [];
        const rows = await petitions.findBy({ id: In([...new Set(links.map((l) => l.petitionId))]) });
        const byId = new Map(rows.map((p) => [p.id, p]));
        return links.map((l) =>
          Object.assign(Object.create(Petition.prototype) as Petition, byId.get(l.petitionId)!, {
            sessionId: l.sessionId,
          }),
        );
      },
      (p) => p.sessionId,
    ),
  };
}
