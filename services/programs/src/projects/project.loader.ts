import { In, type DataSource } from "typeorm";
import { keyedLoader } from "@danvan/kit";
import { MemberProject } from "./member-project.entity.js";

/** Project loaders: by id (its committee and unit are federation stubs, read from the row). */
export function projectLoaders(ds: DataSource) {
  const projects = ds.getRepository(MemberProject);
  return {
    project: keyedLoader<number, MemberProject>(
      (ids) => projects.findBy({ id: In(ids) }),
      (p) => p.id,
    ),
  };
}
