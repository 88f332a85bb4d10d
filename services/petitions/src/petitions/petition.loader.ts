import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily } from "@danvan/kit";
import { Petition, PetitionEvent } from "./petition.entity.js";

/** Petitions by id, their history, and the petitions each body handles (Organisation.petitions). */
export function petitionLoaders(ds: DataSource) {
  const petitions = ds.getRepository(Petition);
  const events = ds.getRepository(PetitionEvent);
  return {
    petition: keyedLoader<number, Petition>(
      (ids) => petitions.findBy({ id: In(ids) }),
      (p) => p.id,
    ),
    historyOf: groupedLoader<number, PetitionEvent>(
      // By date, then as recorded: a step the 2025 migration added is dated before later ones.
      (ids) => events.find({ where: { petitionId: In(ids) }, order: { occurredOn: "ASC", id: "ASC" } }),
      (e) => e.petitionId,
    ),
    /** The second-round complaints lodged against each first-round petition, oldest first. */
    secondRoundsOf: groupedLoader<number, Petition>(
      (ids) => petitions.find({ where: { firstRoundPetitionId: In(ids) }, order: { id: "ASC" } }),
      (p) => p.firstRoundPetitionId!,
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
  };
}
