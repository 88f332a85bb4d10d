import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, IsInt, IsOptional, kitMessage, Matches, Max, Min, MoneyScalar } from "@danvan/kit";
import { programsMessage } from "../messages.js";

@InputType({ description: "A household's annual poverty review: income and deprivations; the standard decides." })
export class ClassifyHouseholdInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }))
  householdId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => MoneyScalar, { description: "Average monthly income per person, whole VND." })
  monthlyIncomePerPersonVnd: bigint | number;

  @Field(() => Int, { description: "Deprivation indicators the household lacks." })
  @IsInt()
  @Min(0)
  @Max(12)
  deprivations: number;

  @Field(() => DateScalar)
  classifiedOn: string;

  @Field(() => Int, { nullable: true, description: "Required to revise an existing review: its version as last read." })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
