import { registerEnumType } from "type-graphql";

/** Loans (vay vốn) or technology transfer (chuyển giao khoa học - kỹ thuật) for members. */
export enum MemberProjectKind {
  LOAN = "LOAN",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
}
registerEnumType(MemberProjectKind, {
  name: "MemberProjectKind",
  description:
    "A loan project (vay vốn) or a technology-transfer project (chuyển giao khoa học - kỹ thuật) for members.",
});

/** Where a project's money comes from. */
export enum FundingSource {
  DOMESTIC = "DOMESTIC",
  INTERNATIONAL = "INTERNATIONAL",
}
registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "Domestic (trong nước) or international (quốc tế) funding.",
});
