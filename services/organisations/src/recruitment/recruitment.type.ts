import { rate } from "@danvan/kit";
import { Field, Float, Int, ObjectType } from "type-graphql";

/** The years recruitment is counted and targeted for. */
export const FIRST_YEAR = 1930;
export const LAST_YEAR = 2100;

/** New members recruited by a committee (with those below it) in a year, against its target. */
@ObjectType({ description: "Recruitment of new members in a year against the committee's target." })
export class Recruitment {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Members who joined during the year, in this committee and those below it." })
  recruited: number;

  @Field(() => Int, { nullable: true, description: "The committee's target for the year, if one was set." })
  target: number | null;

  @Field(() => Float, { nullable: true, description: "recruited / target, rounded to 4 decimals." })
  achievementRate: number | null;
}

export function recruitmentOf(year: number, recruited: number, target: number | null): Recruitment {
  return {
    year,
    recruited,
    target,
    achievementRate: target ? rate(recruited, target) : null,
  };
}
