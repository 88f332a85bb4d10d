import { registerEnumType } from "type-graphql";

export enum SupportKind {
  TET_GIFT = "TET_GIFT",
  EMERGENCY = "EMERGENCY",
  STUDY = "STUDY",
  MEDICAL = "MEDICAL",
  PRODUCTION = "PRODUCTION",
  LOAN = "LOAN",
  TECHNOLOGY_TRANSFER = "TECHNOLOGY_TRANSFER",
}
registerEnumType(SupportKind, {
  name: "SupportKind",
  description: "Tết gift, emergency, study, medical, production, loan, technology transfer.",
});
