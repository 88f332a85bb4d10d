import { registerEnumType } from "type-graphql";
import { SupportKind } from "./support-kind.js";

/** The support's enum, exposed to GraphQL here so the words stay free of GraphQL. */
registerEnumType(SupportKind, {
  name: "SupportKind",
  description: "Tết gift, emergency, study, medical, production, loan, technology transfer.",
});

export { SupportKind };
