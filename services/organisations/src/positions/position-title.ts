import { registerEnumType } from "type-graphql";

export enum PositionTitle {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  STANDING_MEMBER = "STANDING_MEMBER",
  MEMBER = "MEMBER",
}
registerEnumType(PositionTitle, {
  name: "PositionTitle",
  description:
    "Leadership positions: chair (chủ tịch), vice-chair, standing member (ủy viên thường trực), committee member.",
});
