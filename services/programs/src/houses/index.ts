import { SolidarityHouse } from "./solidarity-house.entity.js";
import { HouseTally } from "./house-tally.entity.js";
import { SolidarityHouseResolver, UnitHouseStatisticsResolver } from "./house.resolver.js";
import { HouseMutationsResolver } from "./house-mutations.resolver.js";

/** The Great Solidarity houses feature: entities, resolvers and per-request loaders. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const houseEntities: Function[] = [SolidarityHouse, HouseTally];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const houseResolvers: Function[] = [
  SolidarityHouseResolver,
  HouseMutationsResolver,
  UnitHouseStatisticsResolver,
];
export { houseLoaders } from "./house.loader.js";
