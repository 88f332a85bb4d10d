import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  DateScalar,
  IsEnum,
  IsInt,
  IsNonNegativeVnd,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  Max,
  Min,
  MoneyScalar,
  PageArgs,
  UNIT_CODE_PATTERN,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { COMMITTEE_ID, ORGANISATION_ID_MESSAGE } from "../committees.js";
import { FundingSource, MemberProjectKind } from "./project-graphql-enums.js";

const MAX_BENEFICIARIES = 10_000_000;

@InputType({ description: "A loan or technology-transfer project a committee runs for its members." })
export class RecordProjectInput {
  @Field(() => MemberProjectKind)
  @IsEnum(MemberProjectKind)
  kind: MemberProjectKind;

  @Field()
  @Length(3, 300)
  name: string;

  @Field(() => ID, { description: "The committee running it." })
  @Matches(COMMITTEE_ID, ORGANISATION_ID_MESSAGE)
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "Where it runs; the committee's unit by default." })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  unitCode?: string | null;

  @Field(() => FundingSource)
  @IsEnum(FundingSource)
  fundingSource: FundingSource;

  @Field()
  @Length(2, 200)
  funderName: string;

  @Field(() => MoneyScalar, { description: "Whole VND, 0 or more." })
  @IsNonNegativeVnd()
  amountVnd: bigint | number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_BENEFICIARIES)
  beneficiaries: number;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Not before startsOn; open-ended when left out." })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a project; fields left out stay as they are." })
export class UpdateProjectInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingProject") }))
  projectId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 300)
  name?: string | null;

  @Field(() => FundingSource, { nullable: true })
  @IsOptional()
  @IsEnum(FundingSource)
  fundingSource?: FundingSource | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  funderName?: string | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeVnd()
  amountVnd?: bigint | number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BENEFICIARIES)
  beneficiaries?: number | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
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
