import { registerEnumType } from "type-graphql";
import { HouseStatus, HouseWorkKind } from "./house-enums.js";

/** The houses' enums, exposed to GraphQL here so the rules stay free of GraphQL. */
registerEnumType(HouseWorkKind, {
  name: "HouseWorkKind",
  description: "A Great Solidarity house built new (xây mới) or repaired (sửa chữa).",
});
registerEnumType(HouseStatus, {
  name: "HouseStatus",
  description: "PROPOSED → APPROVED → UNDER_CONSTRUCTION → HANDED_OVER, or CANCELLED before hand-over.",
});

export { HouseStatus, HouseWorkKind };
