import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, type PageRequest } from "@danvan/kit";
import { MobilisationModel } from "./mobilisation-model.entity.js";
import { figureKey, figureOfKey } from "../figure-units.js";
import { modelStatisticsFor } from "./model-figures.js";
import type { ModelStatistics } from "./model-statistics.type.js";

export interface ModelPageKey {
  limit: number;
  afterKey: number | null;
}

export function modelPageKey(page: PageRequest): ModelPageKey {
  return { limit: page.limit, afterKey: page.afterKey === null ? null : Number(page.afterKey) };
}

/**
 * Model loaders. A page of models for each of many committees comes from one statement: the
 * window function picks each committee's first `limit + 1` ids, the entity query reads them.
 */
export function modelLoaders(ds: DataSource) {
  const models = ds.getRepository(MobilisationModel);
  return {
    model: keyedLoader<number, MobilisationModel>(
      (ids) => models.findBy({ id: In(ids) }),
      (m) => m.id,
    ),

    modelsOfOrganisation: new LoaderFamily((page: ModelPageKey) =>
      groupedLoader<string, MobilisationModel>(
        (organisationIds) => {
          const after = page.afterKey === null ? "" : "AND w.id > :afterKey";
          const firstIds = `SELECT t.id FROM (
              SELECT w.id, ROW_NUMBER() OVER (PARTITION BY w.organisation_id ORDER BY w.id) AS rn
              FROM mobilisation_model w WHERE w.organisation_id IN (:...organisationIds) ${after}
            ) t WHERE t.rn <= :take`;
          return models
            .createQueryBuilder("m")
            .where(`m.id IN (${firstIds})`, { organisationIds, afterKey: page.afterKey, take: page.limit + 1 })
            .orderBy("m.id")
            .getMany();
        },
        (m) => m.organisationId,
      ),
    ),

    modelTotalOfOrganisation: keyedLoader<string, { organisationId: string; n: number }>(
      async (organisationIds) => {
        const rows = await models
          .createQueryBuilder("m")
          .select("m.organisation_id", "organisationId")
          .addSelect("COUNT(*)", "n")
          .where("m.organisation_id IN (:...organisationIds)", { organisationIds })
          .groupBy("m.organisation_id")
          .getRawMany<{ organisationId: string; n: string | number }>();
        return rows.map((r) => ({ organisationId: r.organisationId, n: Number(r.n) }));
      },
      (r) => r.organisationId,
    ),

    /** Every unit's counts for one year (or all years) come from one aggregate statement (keys: `code@validFrom`). */
    modelStatistics: new LoaderFamily((year: number | null) =>
      keyedLoader<string, ModelStatistics>(
        (keys) => modelStatisticsFor(ds, keys.map(figureOfKey), year),
        (s) => figureKey(s.unit),
      ),
    ),
  };
}
