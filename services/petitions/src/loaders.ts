import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, RequestMemo } from "@danvan/kit";
import { Petition, PetitionEvent } from "./petitions/petition.entity.js";
import { petitionFigures } from "./statistics/petition-statistics.js";
import { SessionPetition } from "./sessions/reception-session.entity.js";

/** Every relation and statistic of this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  const petitions = ds.getRepository(Petition);
  const events = ds.getRepository(PetitionEvent);
  return {
    petition: keyedLoader<number, Petition>(
      (ids) => petitions.findBy({ id: In(ids) }),
      (p) => p.id,
    ),
    historyOf: groupedLoader<number, PetitionEvent>(
      (ids) => events.find({ where: { petitionId: In(ids) }, order: { id: "ASC" } }),
      (e) => e.petitionId,
    ),
    /** One page of the petitions each body handles, in one windowed statement. */
    petitionsHandledBy: new LoaderFamily((page: { limit: number; afterKey: number | null }) =>
      groupedLoader<string, Petition>(
        async (orgIds) => {
          const ranked = petitions
            .createQueryBuilder("p")
            .select("p.id", "id")
            .addSelect("ROW_NUMBER() OVER (PARTITION BY p.handled_by_organisation_id ORDER BY p.id)", "rn")
            .where("p.handled_by_organisation_id IN (:...orgIds)", { orgIds });
          if (page.afterKey !== null) ranked.andWhere("p.id > :after", { after: page.afterKey });
          return petitions
            .createQueryBuilder("p")
            .where(`p.id IN (SELECT t.id FROM (${ranked.getQuery()}) t WHERE t.rn <= :take)`)
            .setParameters({ ...ranked.getParameters(), take: page.limit + 1 })
            .orderBy("p.id")
            .getMany();
        },
        (p) => p.handledByOrganisationId!,
      ),
    ),
    petitionsHandledTotal: keyedLoader<string, { id: string; n: number }>(
      async (orgIds) =>
        (
          await petitions
            .createQueryBuilder("p")
            .select("p.handled_by_organisation_id", "id")
            .addSelect("COUNT(*)", "n")
            .where("p.handled_by_organisation_id IN (:...orgIds)", { orgIds })
            .groupBy("p.handled_by_organisation_id")
            .getRawMany<{ id: string; n: string | number }>()
        ).map((r) => ({ id: r.id, n: Number(r.n) })),
      (r) => r.id,
    ),
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
    /** A period's figures for every commune, shared by every petitionStatistics of the request. */
    petitionFigures: new RequestMemo(({ from, to, today }: { from: string; to: string; today: string }) =>
      petitionFigures(ds, from, to, today),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
