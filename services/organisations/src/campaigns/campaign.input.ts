import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ArrayMaxSize, DateScalar, IsEnum, IsOptional, Length, Matches, PageArgs, ValidateNested } from "@danvan/kit";
import { IsRecordId } from "../record-ids.js";
import { orgMessage } from "../messages.js";
import { CampaignKind } from "./campaign-kind.js";
import { BODY_ID } from "../organisations/organisation-structure.js";

@InputType()
export class CampaignPhaseInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field()
  @Length(2, 2000)
  goal: string;
}

@InputType({ description: "A campaign or emulation movement, optionally under a parent campaign." })
export class CreateCampaignInput {
  @Field(() => ID)
  @Matches(BODY_ID, orgMessage("organisationId"))
  organisationId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsRecordId(orgMessage("thingCampaign"))
  parentId?: string | null;

  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => CampaignKind)
  @IsEnum(CampaignKind)
  kind: CampaignKind;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field()
  @Length(2, 2000)
  goal: string;

  @Field(() => [CampaignPhaseInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  phases: CampaignPhaseInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
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
