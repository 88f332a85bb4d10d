import { In, type DataSource } from "typeorm";
import { keyedLoader, LoaderFamily } from "@danvan/kit";
import { RecruitmentTarget } from "./recruitment-target.entity.js";

export function recruitmentLoaders(ds: DataSource) {
  const targets = ds.getRepository(RecruitmentTarget);
  return {
    /** A committee's own recruitment target for a year. */
    recruitmentTarget: new LoaderFamily((year: number) =>
      keyedLoader<string, RecruitmentTarget>(
        (ids) => targets.findBy({ organisationId: In(ids), year }),
        (t) => t.organisationId,
      ),
    ),
  };
}
