import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, IsEnum, IsInt, IsOptional, kitMessage, Length, Matches, Max, Min, PageArgs } from "@danvan/kit";
import { IsRecordId } from "../record-ids.js";
import { orgMessage } from "../messages.js";
import { Gender, MemberStatus } from "./member-status.js";
import { BODY_ID } from "../organisations/organisation-structure.js";

/** A person's name: letters, spaces and . ' - (Vietnamese letters included). */
export const PERSON_NAME_PATTERN = /^[\p{L}][\p{L} .'-]*$/u;

@InputType({ description: "A new member of a committee." })
export class RecordMemberInput {
  @Field(() => ID)
  @Matches(BODY_ID, orgMessage("organisationId"))
  organisationId: string;

  @Field()
  @Length(2, 120)
  @Matches(PERSON_NAME_PATTERN, kitMessage("personName"))
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

  @Field(() => DateScalar, { description: "The day the membership began; not in the future." })
  joinedOn: string;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "The end of a membership: transfer, ceasing or death." })
export class RecordMemberExitInput {
  @Field(() => ID)
  @IsRecordId(orgMessage("thingMember"))
  memberId: string;

  @Field(() => MemberStatus)
  @IsEnum(MemberStatus)
  status: MemberStatus;

  @Field(() => DateScalar, { description: "The day the membership ended; not before it began, not in the future." })
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
