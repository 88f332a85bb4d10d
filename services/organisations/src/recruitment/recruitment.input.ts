import { Field, ID, InputType, Int } from "type-graphql";
import { IsInt, Matches, Max, Min } from "class-validator";

@InputType()
export class SetRecruitmentTargetInput {
  @Field(() => ID)
  @Matches(/^[A-Z]{2,5}-\d{2,5}$/, { message: "must be an organisation id like HND-883" })
  organisationId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1930)
  @Max(2100)
  year: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  target: number;
}
