import { ArgsType, Field, ID, InputType } from "type-graphql";
import {
  BadUserInputError,
  DateScalar,
  IsEnum,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  MoneyScalar,
  PageArgs,
  UNIT_CODE_PATTERN,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { ContributionForm, DonorKind } from "./fund-graphql-enums.js";
import { FUND_ID_PATTERN } from "./fund.entity.js";

@InputType({ description: "A contribution received by a fund." })
export class RecordContributionInput {
  @Field(() => ID)
  @Matches(FUND_ID_PATTERN, programsMessage("fundId"))
  fundId: string;

  @Field(() => DateScalar)
  receivedOn: string;

  @Field(() => ContributionForm)
  @IsEnum(ContributionForm)
  form: ContributionForm;

  @Field(() => MoneyScalar, { description: "Cash, or the in-kind gift's value converted to money; whole VND above 0." })
  amountVnd: bigint | number;

  @Field(() => String, { nullable: true, description: "Required for gifts in kind." })
  @IsOptional()
  @Length(2, 300)
  inKindDescription?: string | null;

  @Field(() => DonorKind)
  @IsEnum(DonorKind)
  donorKind: DonorKind;

  @Field(() => String, { nullable: true, description: "Left empty for anonymous donors." })
  @IsOptional()
  @Length(2, 200)
  donorName?: string | null;

  @Field(() => ID, { description: "The unit that collected it." })
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  collectedByUnitCode: string;

  @Field(() => ID, { nullable: true, description: "The campaign it was raised in (an organisations Campaign id)." })
  @IsOptional()
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingCampaign") }))
  campaignId?: string | null;

  @Field()
  @Length(1, 40)
  @Matches(/^[A-Za-z0-9./-]+$/, programsMessage("receiptNumber"))
  receiptNumber: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "Money moved from one fund to another." })
export class TransferFundsInput {
  @Field(() => ID)
  @Matches(FUND_ID_PATTERN, programsMessage("fundId"))
  fromFundId: string;

  @Field(() => ID)
  @Matches(FUND_ID_PATTERN, programsMessage("fundId"))
  toFundId: string;

  @Field(() => MoneyScalar)
  amountVnd: bigint | number;

  @Field(() => DateScalar)
  transferredOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  note?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@ArgsType()
export class ContributionsArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true })
  to?: string | null;
}

/** A positive whole amount of VND from a MoneyScalar input, or a coded error naming the field. */
export function positiveVnd(value: bigint | number, field: string): bigint {
  const v = BigInt(value);
  if (v <= 0n) throw BadUserInputError.field(field, kitMessage("positiveVnd"));
  return v;
}
