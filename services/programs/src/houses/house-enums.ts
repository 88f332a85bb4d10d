import { registerEnumType } from "type-graphql";

/** New build (xây mới) or repair (sửa chữa). */
export enum HouseWorkKind {
  NEW = "NEW",
  REPAIR = "REPAIR",
}
registerEnumType(HouseWorkKind, {
  name: "HouseWorkKind",
  description: "A Great Solidarity house built new (xây mới) or repaired (sửa chữa).",
});

/** The states of a Great Solidarity house; the allowed moves are in house-lifecycle.ts. */
export enum HouseStatus {
  PROPOSED = "PROPOSED",
  APPROVED = "APPROVED",
  UNDER_CONSTRUCTION = "UNDER_CONSTRUCTION",
  HANDED_OVER = "HANDED_OVER",
  CANCELLED = "CANCELLED",
}
registerEnumType(HouseStatus, {
  name: "HouseStatus",
  description: "PROPOSED → APPROVED → UNDER_CONSTRUCTION → HANDED_OVER, or CANCELLED before hand-over.",
});
