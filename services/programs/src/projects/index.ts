import { MemberProject } from "./member-project.entity.js";
import { MemberProjectResolver } from "./project.resolver.js";
import { ProjectMutationsResolver } from "./project-mutations.resolver.js";

/** The loan and technology-transfer projects feature: entities, resolvers and per-request loaders. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const projectEntities: Function[] = [MemberProject];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const projectResolvers: Function[] = [MemberProjectResolver, ProjectMutationsResolver];
export { projectLoaders } from "./project.loader.js";
