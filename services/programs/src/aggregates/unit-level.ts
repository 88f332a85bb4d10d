import { registerEnumType } from "type-graphql";

/**
 * The level of an administrative unit: the organisations subgraph's UnitLevel, declared here
 * with the same values and description (composition merges an enum the subgraphs share; programs
 * needs it for a contribution's fund level and may not import another subgraph).
 */
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
