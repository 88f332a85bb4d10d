import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { IsCalendarDate, PageArgs, UNIT_CODE_PATTERN } from "@danvan/kit";
import { PresiderRole, SessionKind } from "./reception-session.entity.js";

@InputType({ description: "A reception session or dialogue held, with the petitions raised in it." })
export class RecordSessionInput {
  @Field(() => SessionKind)
  @IsEnum(SessionKind)
  kind: SessionKind;

  @Field(() => ID)
  @Matches(UNIT_CODE_PATTERN, { message: "must be an official unit code" })
  unitCode: string;

  @Field(() => PresiderRole)
  @IsEnum(PresiderRole)
  presiderRole: PresiderRole;

  @Field()
  @Length(2, 120, { message: "must be 2 to 120 characters" })
  presiderName: string;

  @Field(() => String)
  @IsCalendarDate()
  heldOn: string;

  @Field()
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  place: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: "must be 2 to 300 characters" })
  topic?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000)
  citizensReceived: number;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(200)
  @Matches(/^\d{1,12}$/, { each: true, message: "must be petition ids" })
  petitionIds: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@ArgsType()
export class SessionsArgs extends PageArgs {
  @Field(() => ID)
  unitCode: string;

  @Field(() => SessionKind, { nullable: true })
  kind?: SessionKind | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  to?: string | null;
}
