import { registerEnumType } from "type-graphql";

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
registerEnumType(ContributionForm, {
  name: "ContributionForm",
  description: "Cash (tiền mặt) or in kind (hiện vật), whose value is converted to money.",
});

export enum DonorKind {
  PERSON = "PERSON",
  ORGANISATION = "ORGANISATION",
  ANONYMOUS = "ANONYMOUS",
}
registerEnumType(DonorKind, { name: "DonorKind" });
