import { Field, InputType } from "type-graphql";
import { DateScalar, IsBoolean, Length } from "@danvan/kit";

@InputType({ description: "A working day or day off the government declared (a swap, a moved holiday)." })
export class DeclareCalendarDayInput {
  @Field(() => DateScalar)
  on: string;

  @Field({ description: "True: a working day (a Saturday to be worked); false: a day off." })
  @IsBoolean()
  working: boolean;

  @Field({ description: "The announcement: its number and date, or where it was published." })
  @Length(5, 300)
  decision: string;
}
