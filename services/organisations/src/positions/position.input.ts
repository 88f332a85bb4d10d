import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, IsEnum, IsInt, IsOptional, kitMessage, Length, Matches, Min } from "@danvan/kit";
import { IsRecordId } from "../record-ids.js";
import { PERSON_NAME_PATTERN } from "../members/member.input.js";
import { orgMessage } from "../messages.js";
import { PositionTitle } from "./position-title.js";
import { BODY_ID } from "../organisations/organisation-structure.js";

@InputType({ description: "A leadership position taken up on a committee." })
export class RecordPositionInput {
  @Field(() => ID)
  @Matches(BODY_ID, orgMessage("organisationId"))
  organisationId: string;

  @Field(() => PositionTitle)
  @IsEnum(PositionTitle)
  title: PositionTitle;

  @Field()
  @Length(2, 120)
  @Matches(PERSON_NAME_PATTERN, kitMessage("personName"))
  holderName: string;

  @Field(() => DateScalar, { description: "The first day of the term." })
  termStart: string;

  @Field(() => DateScalar, { nullable: true, description: "The last day of the term; empty while the term runs." })
  termEnd?: string | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "The end of a position's term." })
export class EndPositionTermInput {
  @Field(() => ID)
  @IsRecordId(orgMessage("thingPosition"))
  positionId: string;

  @Field(() => DateScalar, { description: "The last day of the term; not before it began." })
  termEnd: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
