/**
 * The words of the Great Solidarity houses (docs/product.md, "programs"). Plain TypeScript enums:
 * house-graphql-enums.ts registers them with GraphQL, so the rules stay free of it.
 */

/** New build (xây mới) or repair (sửa chữa). */
export enum HouseWorkKind {
  NEW = "NEW",
  REPAIR = "REPAIR",
}

/** The states of a Great Solidarity house; the allowed moves are in house-lifecycle.ts. */
export enum HouseStatus {
  PROPOSED = "PROPOSED",
  APPROVED = "APPROVED",
  UNDER_CONSTRUCTION = "UNDER_CONSTRUCTION",
  HANDED_OVER = "HANDED_OVER",
  CANCELLED = "CANCELLED",
}
