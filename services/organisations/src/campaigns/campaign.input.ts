import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { IsCalendarDate, PageArgs } from "@danvan/kit";
import { CampaignKind } from "./campaign-kind.js";

@InputType()
export class CampaignPhaseInput {
  @Field()
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  name: string;

  @Field(() => String)
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field()
  @Length(2, 2000, { message: "must be 2 to 2000 characters" })
  goal: string;
}

@InputType({ description: "A campaign or emulation movement, optionally under a parent campaign." })
export class CreateCampaignInput {
  @Field(() => ID)
  @Matches(/^[A-Z]{2,5}-\d{2,5}$/, { message: "must be an organisation id like MTTQ-89" })
  organisationId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^\d+$/, { message: "must be a campaign id" })
  parentId?: string | null;

  @Field()
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  name: string;

  @Field(() => CampaignKind)
  @IsEnum(CampaignKind)
  kind: CampaignKind;

  @Field(() => String)
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field()
  @Length(2, 2000, { message: "must be 2 to 2000 characters" })
  goal: string;

  @Field(() => [CampaignPhaseInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  phases: CampaignPhaseInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => CampaignKind, { nullable: true })
  kind?: CampaignKind | null;

  @Field(() => Boolean, { nullable: true, description: "Only top-level campaigns (no parent)." })
  topLevel?: boolean | null;
}
