import { registerEnumType } from "type-graphql";
import { AreaType } from "./area-type.js";

/** The households' enum, exposed to GraphQL here so the poverty rules stay free of GraphQL. */
registerEnumType(AreaType, {
  name: "AreaType",
  description: "Urban (thành thị) or rural (nông thôn): poverty lines differ.",
});

export { AreaType };
