import { MobilisationModel } from "./mobilisation-model.entity.js";
import {
  MobilisationModelResolver,
  OrganisationModelsResolver,
  UnitModelStatisticsResolver,
} from "./model.resolver.js";
import { ModelMutationsResolver } from "./model-mutations.resolver.js";

/** The "Dân vận khéo" models feature: entities, resolvers and per-request loaders. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const modelEntities: Function[] = [MobilisationModel];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const modelResolvers: Function[] = [
  MobilisationModelResolver,
  ModelMutationsResolver,
  OrganisationModelsResolver,
  UnitModelStatisticsResolver,
];
export { modelLoaders } from "./model.loader.js";
