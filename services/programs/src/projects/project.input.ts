import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { IsCalendarDate, MoneyScalar, PageArgs, UNIT_CODE_PATTERN } from "@danvan/kit";
import { IsNonNegativeVnd } from "../houses/money.js";
import { ORGANISATION_ID, ORGANISATION_ID_MESSAGE } from "../models/committee-id.js";
import { FundingSource, MemberProjectKind } from "./project-enums.js";

const MAX_BENEFICIARIES = 10_000_000;

@InputType({ description: "A loan or technology-transfer project a committee runs for its members." })
export class RecordProjectInput {
  @Field(() => MemberProjectKind)
  @IsEnum(MemberProjectKind)
  kind: MemberProjectKind;

  @Field()
  @Length(3, 300, { message: "must be 3 to 300 characters" })
  name: string;

  @Field(() => ID, { description: "The committee running it." })
  @Matches(ORGANISATION_ID, { message: ORGANISATION_ID_MESSAGE })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "Where it runs; the committee's unit by default." })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: "must be an official unit code" })
  unitCode?: string | null;

  @Field(() => FundingSource)
  @IsEnum(FundingSource)
  fundingSource: FundingSource;

  @Field()
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  funderName: string;

  @Field(() => MoneyScalar, { description: "Whole VND, 0 or more." })
  @IsNonNegativeVnd()
  amountVnd: bigint | number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: "must be 0 or more" })
  @Max(MAX_BENEFICIARIES)
  beneficiaries: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, not before startsOn; open-ended when left out." })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a project; fields left out stay as they are." })
export class UpdateProjectInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, { message: "must be a project id" })
  projectId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 300, { message: "must be 3 to 300 characters" })
  name?: string | null;

  @Field(() => FundingSource, { nullable: true })
  @IsOptional()
  @IsEnum(FundingSource)
  fundingSource?: FundingSource | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  funderName?: string | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeVnd()
  amountVnd?: bigint | number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: "must be 0 or more" })
  @Max(MAX_BENEFICIARIES)
  beneficiaries?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field(() => Int, { description: "The project's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class MemberProjectsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Projects of this unit and the units below it; your own unit by default.",
  })
  unitCode?: string | null;

  @Field(() => MemberProjectKind, { nullable: true })
  kind?: MemberProjectKind | null;

  @Field(() => FundingSource, { nullable: true })
  fundingSource?: FundingSource | null;
}
