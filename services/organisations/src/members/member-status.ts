import { registerEnumType } from "type-graphql";

export enum MemberStatus {
  ACTIVE = "ACTIVE",
  TRANSFERRED = "TRANSFERRED",
  CEASED = "CEASED",
  DECEASED = "DECEASED",
}
registerEnumType(MemberStatus, { name: "MemberStatus", description: "A membership's state: active, or how it ended." });

export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
}
registerEnumType(Gender, { name: "Gender" });
