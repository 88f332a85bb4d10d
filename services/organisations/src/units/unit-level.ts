import { registerEnumType } from "type-graphql";

export enum UnitLevel {
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
}

registerEnumType(UnitLevel, {
  name: "UnitLevel",
  description:
    "Province (Tỉnh) → district-level unit (Thành phố, Thị xã, Huyện) → commune-level unit (Phường, Thị trấn, Xã).",
});
