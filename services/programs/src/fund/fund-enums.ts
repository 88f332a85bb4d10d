/**
 * The words of the Fund for the Poor (docs/product.md, "programs"). Plain TypeScript enums:
 * fund-graphql-enums.ts registers those the graph shows, so the ledger rules stay free of GraphQL.
 */

/** A ledger entry's kind: receipts (contributions, transfers in) and outflows (the rest). */
export enum FundEntryKind {
  CONTRIBUTION = "CONTRIBUTION",
  TRANSFER_IN = "TRANSFER_IN",
  TRANSFER_OUT = "TRANSFER_OUT",
  SUPPORT = "SUPPORT",
  HOUSE = "HOUSE",
}

export enum ContributionForm {
  CASH = "CASH",
  IN_KIND = "IN_KIND",
}

export enum DonorKind {
  PERSON = "PERSON",
  ORGANISATION = "ORGANISATION",
  ANONYMOUS = "ANONYMOUS",
}
