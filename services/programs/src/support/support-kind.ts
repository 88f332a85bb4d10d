/**
 * The kinds of support a household receives (docs/product.md, "programs"). A plain TypeScript enum:
 * support-graphql-enums.ts registers it with GraphQL.
 */
export enum SupportKind {
  TET_GIFT = "TET_GIFT",
  EMERGENCY = "EMERGENCY",
  STUDY = "STUDY",
  MEDICAL = "MEDICAL",
  PRODUCTION = "PRODUCTION",
  LOAN = "LOAN",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
}
