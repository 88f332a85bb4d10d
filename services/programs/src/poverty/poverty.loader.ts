import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, RequestMemo } from "@danvan/kit";
import { PovertyClassification } from "./poverty-classification.entity.js";
import { PovertyStandard, PovertyThreshold } from "./poverty-standard.entity.js";
import { tallyByCommune } from "./poverty-tally.js";

/** Poverty loaders: the year tallies, reviews by household, standards and their thresholds. */
export function povertyLoaders(ds: DataSource) {
  const classifications = ds.getRepository(PovertyClassification);
  return {
    /** A year's tallies for every commune, shared by every statistics field of the request. */
    povertyTally: new RequestMemo((year: number) => tallyByCommune(ds, year)),
    classificationIn: new LoaderFamily((year: number) =>
      keyedLoader<number, PovertyClassification>(
        (ids) => classifications.findBy({ householdId: In(ids), year }),
        (c) => c.householdId,
      ),
    ),
    classificationsOf: groupedLoader<number, PovertyClassification>(
      (ids) => classifications.find({ where: { householdId: In(ids) }, order: { year: "ASC" } }),
      (c) => c.householdId,
    ),
    standard: keyedLoader<string, PovertyStandard>(
      (codes) => ds.getRepository(PovertyStandard).findBy({ code: In(codes) }),
      (s) => s.code,
    ),
    thresholdsOf: groupedLoader<string, PovertyThreshold>(
      (codes) =>
        ds.getRepository(PovertyThreshold).find({ where: { standardCode: In(codes) }, order: { area: "ASC" } }),
      (t) => t.standardCode,
    ),
  };
}
