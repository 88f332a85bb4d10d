import { registerEnumType } from "type-graphql";

export enum PositionTitle {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  STANDING_MEMBER = "STANDING_MEMBER",
  MEMBER = "MEMBER",
  SECRETARY = "SECRETARY",
  DEPUTY_SECRETARY = "DEPUTY_SECRETARY",
}
registerEnumType(PositionTitle, {
  name: "PositionTitle",
  description:
    "Leadership positions: chair (chủ tịch), vice-chair, standing member (ủy viên thường trực or thường vụ), committee member; the Youth Union's secretary (bí thư) and deputy secretary. Each organisation uses its own (LeadershipPosition.titleName).",
  valuesConfig: {
    CHAIR: { description: "Chủ tịch: heads the Front, the unions and the associations." },
    VICE_CHAIR: { description: "Phó Chủ tịch." },
    STANDING_MEMBER: { description: "Ủy viên Ban Thường trực (the Front) or Ban Thường vụ." },
    MEMBER: { description: "Ủy viên Ủy ban (the Front) or Ban Chấp hành." },
    SECRETARY: { description: "Bí thư: heads the Youth Union." },
    DEPUTY_SECRETARY: { description: "Phó Bí thư (the Youth Union)." },
  },
});
