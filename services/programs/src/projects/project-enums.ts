/**
 * The words of the members' projects (docs/product.md, "programs"). Plain TypeScript enums:
 * project-graphql-enums.ts registers them with GraphQL.
 */

/** Loans (vay vốn) or technology transfer (chuyển giao khoa học - kỹ thuật) for members. */
export enum MemberProjectKind {
  LOAN = "LOAN",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
}

/** Where a project's money comes from. */
export enum FundingSource {
  DOMESTIC = "DOMESTIC",
  INTERNATIONAL = "INTERNATIONAL",
}
