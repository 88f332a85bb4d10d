import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { IsCalendarDate, PageArgs } from "@danvan/kit";
import { Gender, MemberStatus } from "./member-status.js";

@InputType({ description: "A new member of a committee." })
export class RecordMemberInput {
  @Field(() => ID)
  @Matches(/^[A-Z]{2,5}-\d{2,5}$/, { message: "must be an organisation id like HND-883" })
  organisationId: string;

  @Field()
  @Length(2, 120, { message: "must be 2 to 120 characters" })
  @Matches(/^[\p{L}][\p{L} .'-]*$/u, { message: "must contain letters, spaces and . ' - only" })
  fullName: string;

  @Field(() => Gender)
  @IsEnum(Gender)
  gender: Gender;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  joinedOn: string;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@InputType({ description: "The end of a membership: transfer, ceasing or death." })
export class RecordMemberExitInput {
  @Field(() => ID)
  @Matches(/^\d+$/, { message: "must be a member id" })
  memberId: string;

  @Field(() => MemberStatus)
  @IsEnum(MemberStatus)
  status: MemberStatus;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  leftOn: string;

  @Field(() => Int, { description: "The member's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus | null;
}
