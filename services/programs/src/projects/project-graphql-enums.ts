import { registerEnumType } from "type-graphql";
import { FundingSource, MemberProjectKind } from "./project-enums.js";

/** The projects' enums, exposed to GraphQL here so the words stay free of GraphQL. */
registerEnumType(MemberProjectKind, {
  name: "MemberProjectKind",
  description:
    "A loan project (vay vốn) or a technology-transfer project (chuyển giao khoa học - kỹ thuật) for members.",
});
registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "Domestic (trong nước) or international (quốc tế) funding.",
});

export { FundingSource, MemberProjectKind };
