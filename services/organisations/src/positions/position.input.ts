import { Field, ID, InputType, Int } from "type-graphql";
import { IsEnum, IsInt, IsOptional, Length, Matches, Min } from "class-validator";
import { IsCalendarDate } from "@danvan/kit";
import { PositionTitle } from "./position-title.js";

@InputType({ description: "A leadership position taken up on a committee." })
export class RecordPositionInput {
  @Field(() => ID)
  @Matches(/^[A-Z]{2,5}-\d{2,5}$/, { message: "must be an organisation id like HND-883" })
  organisationId: string;

  @Field(() => PositionTitle)
  @IsEnum(PositionTitle)
  title: PositionTitle;

  @Field()
  @Length(2, 120, { message: "must be 2 to 120 characters" })
  @Matches(/^[\p{L}][\p{L} .'-]*$/u, { message: "must contain letters, spaces and . ' - only" })
  holderName: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  termStart: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; empty while the term runs." })
  @IsOptional()
  @IsCalendarDate()
  termEnd?: string | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@InputType({ description: "The end of a position's term." })
export class EndPositionTermInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: "must be a position id" })
  positionId: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  termEnd: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
