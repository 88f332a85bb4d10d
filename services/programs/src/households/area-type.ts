import { registerEnumType } from "type-graphql";

export enum AreaType {
  URBAN = "URBAN",
  RURAL = "RURAL",
}
registerEnumType(AreaType, {
  name: "AreaType",
  description: "Urban (thành thị) or rural (nông thôn): poverty lines differ.",
});
