/**
 * Urban (thành thị) or rural (nông thôn): the poverty lines differ by area. A plain TypeScript
 * enum, so the poverty rules read it free of GraphQL; household-graphql-enums.ts registers it.
 */
export enum AreaType {
  URBAN = "URBAN",
  RURAL = "RURAL",
}
