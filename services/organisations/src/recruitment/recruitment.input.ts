import { Field, ID, InputType, Int } from "type-graphql";
import { IsInt, Matches, Max, Min } from "@danvan/kit";
import { orgMessage } from "../messages.js";
import { FIRST_YEAR, LAST_YEAR } from "./recruitment.type.js";
import { BODY_ID } from "../organisations/organisation-structure.js";

@InputType()
export class SetRecruitmentTargetInput {
  @Field(() => ID)
  @Matches(BODY_ID, orgMessage("organisationId"))
  organisationId: string;

  @Field(() => Int)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  target: number;
}
