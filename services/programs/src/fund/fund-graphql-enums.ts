import { registerEnumType } from "type-graphql";
import { ContributionForm, DonorKind } from "./fund-enums.js";

/** The fund's enums the graph shows, exposed to GraphQL here so the ledger rules stay free of GraphQL. */
registerEnumType(ContributionForm, {
  name: "ContributionForm",
  description: "Cash (tiền mặt) or in kind (hiện vật), whose value is converted to money.",
});
registerEnumType(DonorKind, { name: "DonorKind" });

export { ContributionForm, DonorKind };
